/** Bahasa Indonesia first, English available. Keys are English phrases in snake case. */
export type Lang = 'id' | 'en';

const dictionary = {
  home_title: { id: 'Layanan Laporan Kebocoran Air', en: 'Water leak reporting' },
  home_intro: {
    id: 'Melihat pipa bocor atau air terbuang? Laporkan dengan foto dan lokasi. Tim URC PDAM akan menanganinya.',
    en: 'See a burst pipe or water running to waste? Report it with a photo and the location. The PDAM rapid-response crew will handle it.',
  },
  report_leak: { id: 'Laporkan kebocoran', en: 'Report a leak' },
  check_status: { id: 'Cek status laporan', en: 'Check a report' },
  staff_login: { id: 'Masuk petugas', en: 'Staff login' },
  logout: { id: 'Keluar', en: 'Log out' },
  photo: { id: 'Foto kebocoran (wajib)', en: 'Photo of the leak (required)' },
  location: { id: 'Lokasi (wajib): ketuk peta atau pakai GPS', en: 'Location (required): tap the map or use GPS' },
  use_my_location: { id: 'Pakai lokasi saya', en: 'Use my location' },
  location_chosen: { id: 'Lokasi dipilih', en: 'Location chosen' },
  no_location: { id: 'Belum ada lokasi', en: 'No location yet' },
  phone: { id: 'Nomor HP (wajib)', en: 'Mobile number (required)' },
  name: { id: 'Nama', en: 'Name' },
  address: { id: 'Alamat / patokan', en: 'Address / landmark' },
  category: { id: 'Jenis masalah', en: 'Kind of problem' },
  description: { id: 'Keterangan', en: 'Description' },
  send: { id: 'Kirim laporan', en: 'Send report' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  report_received: { id: 'Laporan diterima. Simpan nomor ini:', en: 'Report received. Keep this number:' },
  see_status: { id: 'Lihat status', en: 'See status' },
  report_number: { id: 'Nomor laporan', en: 'Report number' },
  look_up: { id: 'Cari', en: 'Look up' },
  status: { id: 'Status', en: 'Status' },
  expected_by: { id: 'Perkiraan selesai', en: 'Expected by' },
  received_at: { id: 'Diterima', en: 'Received' },
  region: { id: 'Wilayah', en: 'Region' },
  timeline: { id: 'Riwayat', en: 'Timeline' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  login: { id: 'Masuk', en: 'Log in' },
  queue: { id: 'Antrian validasi', en: 'Validation queue' },
  to_verify: { id: 'Perlu verifikasi', en: 'To verify' },
  new_reports: { id: 'Laporan baru', en: 'New reports' },
  issue_spk: { id: 'Terbitkan SPK', en: 'Issue work order' },
  reject: { id: 'Tolak', en: 'Reject' },
  reject_reason: { id: 'Alasan penolakan', en: 'Reason for rejecting' },
  block_reporter: { id: 'Blokir pelapor (hoaks)', en: 'Block the reporter (hoax)' },
  priority: { id: 'Prioritas', en: 'Priority' },
  phone_verification: { id: 'Hasil konfirmasi telepon ke pelapor', en: 'What the reporter said on the phone' },
  blurred_photo: { id: 'Foto buram: telepon pelapor dulu', en: 'Blurred photo: phone the reporter first' },
  close_ticket: { id: 'Verifikasi & tutup', en: 'Verify and close' },
  return_to_crew: { id: 'Kembalikan ke tim', en: 'Send back to crew' },
  note: { id: 'Catatan', en: 'Note' },
  nothing_here: { id: 'Tidak ada data.', en: 'Nothing here.' },
  my_route: { id: 'Rute saya', en: 'My route' },
  date: { id: 'Tanggal', en: 'Date' },
  stops: { id: 'Titik kerja', en: 'Stops' },
  navigate: { id: 'Navigasi', en: 'Navigate' },
  arrive: { id: 'Sudah di lokasi', en: 'On site' },
  fixed: { id: 'Selesai diperbaiki (foto)', en: 'Repaired (photo)' },
  escalate: { id: 'Butuh alat berat', en: 'Needs heavy equipment' },
  result_photo: { id: 'Foto hasil perbaikan', en: 'Photo of the repair' },
  what_is_needed: { id: 'Apa yang dibutuhkan?', en: 'What is needed?' },
  dispatch_map: { id: 'Peta dispatcher', en: 'Dispatch map' },
  plan_day: { id: 'Buat rencana hari ini', en: 'Plan the day' },
  open_tickets: { id: 'Tiket terbuka', en: 'Open tickets' },
  crews: { id: 'Tim', en: 'Crews' },
  heatmap: { id: 'Peta sebaran kebocoran', en: 'Leak heatmap' },
  days: { id: 'hari', en: 'days' },
  all: { id: 'Semua', en: 'All' },
  km: { id: 'km', en: 'km' },
  saved_vs_baseline: { id: 'Hemat dibanding tanpa zonasi', en: 'Saved against no zoning' },
  unplanned: { id: 'Belum terjadwal', en: 'Not planned' },
  plan_draft: { id: 'Draf', en: 'Draft' },
  plan_published: { id: 'Terbit', en: 'Published' },
  publish_plan: { id: 'Terbitkan rencana', en: 'Publish the plan' },
  rebase_plan: { id: 'Perbarui draf dari rencana terbaru', en: 'Re-base the draft on the latest plan' },
  plan_stale: { id: 'Rencana terbit sudah berubah sejak draf ini dibuat', en: 'The published plan changed since this draft was made' },
  plan_changes: { id: 'Perubahan per tim', en: 'Changes per crew' },
  no_changes: { id: 'tidak berubah', en: 'no change' },
  added: { id: 'tambah', en: 'added' },
  removed: { id: 'lepas', en: 'removed' },
  moved_in: { id: 'pindah masuk', en: 'moved in' },
  moved_out: { id: 'pindah keluar', en: 'moved out' },
  reordered: { id: 'urutan berubah', en: 'order changed' },
  reason_no_crew_in_reach: { id: 'Tidak ada tim yang bisa menjangkau lewat jalan darat: kirim tim perahu atau tugaskan manual', en: 'No crew can reach it by road: send a boat team or assign by hand' },
  reason_shift_too_short: { id: 'Lebih lama dari shift tim mana pun: perpanjang shift atau bagi pekerjaannya', en: 'Longer than any crew shift: lengthen a shift or split the job' },
  reason_crew_capacity: { id: 'Tim yang bisa sudah mencapai batas jumlah pekerjaan: naikkan kapasitas atau tambah tim', en: 'The crews that could take it are at their job limit: raise a capacity or add a crew' },
  reason_shift_full: { id: 'Jam kerja tim hari ini sudah penuh: dijadwalkan ke rencana berikutnya', en: "No crew has time left today: it rolls over to the next plan" },
  reason_pinned_crew_full: { id: 'Disematkan ke tim yang shift-nya sudah penuh: pindahkan atau lepas sematan', en: 'Pinned to a crew whose shift is full: move or lift the pin' },
  reason_held_out: { id: 'Dikeluarkan dari hari ini oleh dispatcher: kembalikan untuk dijadwalkan', en: 'Taken out of the day by the dispatcher: put it back to plan it' },
  reason_no_crew_within_sla: { id: 'Tidak ada tim yang bisa tiba dalam batas SLA: kirim segera (dispatch) atau panggil tim lain', en: 'No crew can reach it within its SLA: dispatch it now or call in another team' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  assign: { id: 'Tugaskan', en: 'Assign' },
  suggest_crew: { id: 'Usulan tim tercepat', en: 'Fastest crew' },
  not_allowed: { id: 'Halaman ini untuk peran lain.', en: 'This page is for another role.' },
  area_incident: { id: 'Gangguan wilayah', en: 'Area disruption' },
  area_incident_joined: {
    id: 'Lokasi Anda termasuk gangguan wilayah yang sedang ditangani; laporan Anda digabungkan',
    en: 'Your location is inside an area disruption being handled; your report has joined it',
  },
  mark_incident: { id: 'Tandai gangguan wilayah', en: 'Mark an area disruption' },
  incident_title: { id: 'Judul (mis. pipa transmisi pecah)', en: 'Title (e.g. transmission main burst)' },
  radius_m: { id: 'Radius (m)', en: 'Radius (m)' },
  message_for_citizens: { id: 'Pesan untuk warga', en: 'Message to citizens' },
  click_map_centre: { id: 'Ketuk peta untuk titik pusat', en: 'Tap the map for the centre' },
  restored: { id: 'Sudah normal', en: 'Restored' },
  re_report: { id: 'Lapor ulang', en: 'Reported again' },
  repeat_urgent: { id: 'Laporan ulang >6 jam: mendesak', en: 'Repeat after 6 h: urgent' },
  re_report_received: {
    id: 'Laporan ulang tercatat: tiket lama dibuka kembali dan tim dikirim lagi. Nomor tiket:',
    en: 'Repeat report recorded: the earlier ticket is reopened and the crew sent back. Ticket number:',
  },
  urgent_waiting: { id: 'Darurat menunggu tim', en: 'Urgent, waiting for a crew' },
  inbox: { id: 'Kotak masuk', en: 'Inbox' },
  mark_read: { id: 'Tandai sudah dibaca', en: 'Mark read' },
  reports: { id: 'Laporan manajemen', en: 'Management reports' },
  pending_over_24h: { id: 'Tertunda lebih dari 24 jam', en: 'Pending over 24 h' },
  explanation: { id: 'Penjelasan Kabag', en: "Kabag's explanation" },
  save: { id: 'Simpan', en: 'Save' },
  downloads: { id: 'Unduh', en: 'Downloads' },
  complaints: { id: 'Rekap pengaduan', en: 'Complaints' },
  points: { id: 'Poin insentif', en: 'Incentive points' },
  boundaries_credit: { id: 'Batas wilayah: BPS 2020 via OCHA/HDX (CC BY-IGO)', en: 'Boundaries: BPS 2020 via OCHA/HDX (CC BY-IGO)' },
  // Issue 13: the citizen's side (nearby reports, follow-up, rating, charter, first contact).
  nearby_title: { id: 'Sudah dilaporkan? Laporan terbuka di dekat titik ini', en: 'Already reported? Open reports near this point' },
  nearby_none: { id: 'Belum ada laporan terbuka di dekat titik ini.', en: 'No open report near this point yet.' },
  metres_away: { id: 'm dari titik Anda', en: 'm from your point' },
  reports_count: { id: 'laporan', en: 'reports' },
  same_problem: { id: 'Ini masalah yang sama: tambahkan laporan saya', en: 'Same problem: add my report to it' },
  chosen_duplicate: { id: 'Laporan Anda akan ditambahkan ke', en: 'Your report will be added to' },
  undo_choice: { id: 'Batal, ini masalah lain', en: 'Undo, it is another problem' },
  duplicate_received: { id: 'Laporan Anda ditambahkan ke laporan yang sudah ada di lokasi ini. Nomor laporan:', en: 'Your report was added to the existing report of this spot. Report number:' },
  reports_so_far: { id: 'Jumlah laporan untuk masalah ini', en: 'Reports of this problem so far' },
  follow_up_link: { id: 'Tambah foto atau catatan, dan lihat laporan Anda', en: 'Add a photo or a note, and see your reports' },
  follow_up_keep: { id: 'Simpan tautan ini: hanya dengan tautan ini Anda dapat menambah foto atau catatan.', en: 'Keep this link: it is the only way to add a photo or a note later.' },
  follow_up_title: { id: 'Laporan Anda', en: 'Your report' },
  add_to_report: { id: 'Tambahkan ke laporan', en: 'Add to the report' },
  add_photo: { id: 'Foto tambahan (opsional)', en: 'Another photo (optional)' },
  added_thanks: { id: 'Terima kasih, tambahan Anda sudah tercatat.', en: 'Thank you, your addition is recorded.' },
  cannot_add: { id: 'Laporan ini sudah selesai; tidak dapat ditambah lagi.', en: 'This report is finished; nothing more can be added.' },
  your_reports: { id: 'Laporan Anda yang lain', en: 'Your other reports' },
  rate_title: { id: 'Penilaian layanan', en: 'Rate the service' },
  rate_question: { id: 'Bagaimana pelayanan kami atas laporan Anda?', en: 'How did we handle your report?' },
  score_1: { id: 'Tidak baik', en: 'Bad' },
  score_2: { id: 'Kurang baik', en: 'Poor' },
  score_3: { id: 'Baik', en: 'Good' },
  score_4: { id: 'Sangat baik', en: 'Very good' },
  rate_details: { id: 'Nilai per unsur (opsional)', en: 'Score each element (optional)' },
  comment: { id: 'Komentar (opsional)', en: 'Comment (optional)' },
  send_rating: { id: 'Kirim penilaian', en: 'Send rating' },
  rating_thanks: { id: 'Terima kasih atas penilaian Anda.', en: 'Thank you for your rating.' },
  already_rated: { id: 'Layanan ini sudah Anda nilai. Terima kasih.', en: 'You have rated this service already. Thank you.' },
  not_ratable: { id: 'Laporan ini belum selesai atau masa penilaian sudah lewat.', en: 'This report is not closed yet, or the time for rating has passed.' },
  choose_score: { id: 'Pilih salah satu nilai.', en: 'Choose one score.' },
  charter: { id: 'Maklumat pelayanan', en: 'Service charter' },
  promised_times: { id: 'Janji waktu layanan', en: 'The times we promise' },
  respond_within: { id: 'Tim ditugaskan dalam', en: 'Crew assigned within' },
  resolve_within: { id: 'Diperbaiki dalam', en: 'Repaired within' },
  achieved_last_month: { id: 'Capaian bulan lalu', en: 'Achieved last month' },
  on_time_respond: { id: 'Tepat waktu (penugasan)', en: 'On time (assignment)' },
  on_time_resolve: { id: 'Tepat waktu (perbaikan)', en: 'On time (repair)' },
  ikm: { id: 'IKM (indeks kepuasan)', en: 'IKM (satisfaction index)' },
  tickets_count: { id: 'Laporan', en: 'Reports' },
  all_regions: { id: 'Seluruh wilayah', en: 'All regions' },
  call_centre_standard: { id: 'Standar pusat panggilan', en: 'Call-centre standard' },
  complaint_channels: { id: 'Saluran pengaduan', en: 'How to complain' },
  minutes: { id: 'menit', en: 'minutes' },
  hours: { id: 'jam', en: 'hours' },
  first_contact: { id: 'Dijawab langsung (opsional)', en: 'Answered on the spot (optional)' },
  no_answer: { id: '— belum dijawab: teruskan ke antrian —', en: '— not answered: goes to the queue —' },
  answered_on_spot: { id: 'Tercatat dan ditutup: dijawab langsung', en: 'Recorded and closed: answered on the spot' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof dictionary;

let current: Lang = (localStorage.getItem('lang') as Lang | null) ?? 'id';

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem('lang', next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey): string {
  return dictionary[key][current];
}

/** Labels that come from the API as { id, en }. */
export function pickLabel(label: { id: string; en: string } | undefined | null): string {
  return label ? label[current] : '';
}

const categoryLabels: Record<string, Record<Lang, string>> = {
  pipe_burst: { id: 'Pipa pecah', en: 'Burst pipe' },
  visible_leak: { id: 'Kebocoran terlihat', en: 'Visible leak' },
  meter_leak: { id: 'Bocor di meter', en: 'Leak at the meter' },
  no_water: { id: 'Air tidak mengalir', en: 'No water' },
  other: { id: 'Lainnya', en: 'Other' },
};
const priorityLabels: Record<string, Record<Lang, string>> = {
  critical: { id: 'Kritis', en: 'Critical' },
  high: { id: 'Tinggi', en: 'High' },
  normal: { id: 'Normal', en: 'Normal' },
};

export const categoryLabel = (c: string) => categoryLabels[c]?.[current] ?? c;
export const priorityLabel = (p: string | null) => (p ? (priorityLabels[p]?.[current] ?? p) : '—');

const zoneNames: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** An instant shown in the utility's zone (stored in UTC), e.g. "23 Nov 2026 09.15 WITA". */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const text = new Intl.DateTimeFormat(current === 'id' ? 'id-ID' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return `${text} ${zoneNames[timeZone] ?? timeZone}`;
}

/** Today's date (YYYY-MM-DD) in the utility's zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
