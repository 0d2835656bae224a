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
  photo_analysing: { id: 'foto sedang dianalisis', en: 'photo analysing' },
  photo_analysing_hint: { id: 'Keburaman foto sedang diperiksa; SPK dapat diterbitkan sebentar lagi, atau sekarang dengan konfirmasi telepon', en: 'The photo is being checked for blur; the SPK can be issued in a moment, or now with a phone confirmation' },
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
  saved_vs_baseline: { id: 'Hemat dibanding pembanding adil', en: 'Saved against the fair baseline' },
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
  unread: { id: 'belum dibaca', en: 'unread' },
  ticket: { id: 'Tiket', en: 'Ticket' },
  acknowledge: { id: 'Sudah diketahui', en: 'Acknowledge' },
  acknowledge_all: { id: 'Tandai semua sudah diketahui', en: 'Acknowledge all' },
  open_ticket: { id: 'Buka tiket', en: 'Open the ticket' },
  open_urgent_list: { id: 'Buka daftar darurat dispatcher', en: "Open the dispatcher's urgent list" },
  write_explanation: { id: 'Tulis penjelasan (tertunda >24 jam)', en: 'Write the explanation (pending > 24 h)' },
  templates: { id: 'Teks pesan', en: 'Message texts' },
  preview: { id: 'Pratinjau', en: 'Preview' },
  reset_default: { id: 'Kembalikan ke bawaan', en: 'Back to the default' },
  subject: { id: 'Judul', en: 'Subject' },
  message_body: { id: 'Isi pesan', en: 'Message' },
  placeholders: { id: 'Isian yang tersedia', en: 'Placeholders' },
  saved: { id: 'Tersimpan', en: 'Saved' },
  default_text: { id: 'bawaan', en: 'default' },
  changed_text: { id: 'diubah', en: 'changed' },
  failed_messages: { id: 'Pesan gagal terkirim', en: 'Messages that failed' },
  send_again: { id: 'Kirim ulang', en: 'Send again' },
  for_reporter: { id: 'untuk pelapor', en: 'to the reporter' },
  for_staff: { id: 'untuk petugas', en: 'to staff' },
  reports: { id: 'Laporan manajemen', en: 'Management reports' },
  pending_over_24h: { id: 'Tertunda lebih dari 24 jam', en: 'Pending over 24 h' },
  explanation: { id: 'Penjelasan Kabag', en: "Kabag's explanation" },
  save: { id: 'Simpan', en: 'Save' },
  downloads: { id: 'Unduh', en: 'Downloads' },
  complaints: { id: 'Rekap pengaduan', en: 'Complaints' },
  points: { id: 'Poin insentif', en: 'Incentive points' },
  boundaries_credit: { id: 'Batas wilayah: BPS 2020 via OCHA/HDX (CC BY-IGO)', en: 'Boundaries: BPS 2020 via OCHA/HDX (CC BY-IGO)' },
  plan_working: { id: 'Menghitung rencana…', en: 'Solving the plan…' },
  seconds_short: { id: 'dtk', en: 's' },
  cancel_solve: { id: 'Batalkan', en: 'Cancel' },
  solve_cancelled: { id: 'Perhitungan dibatalkan; rencana yang tampil tidak berubah.', en: 'Cancelled; the plan shown has not changed.' },
  reoptimise: { id: 'Optimalkan ulang', en: 'Re-optimise' },
  lock_order: { id: 'Kunci urutan', en: 'Lock the order' },
  unlock_order: { id: 'Buka kunci', en: 'Unlock' },
  order_locked: { id: 'urutan terkunci', en: 'order locked' },
  pin_to_crew: { id: 'Sematkan ke tim', en: 'Pin to crew' },
  choose_crew: { id: 'Pilih tim', en: 'Choose a crew' },
  take_out: { id: 'Keluarkan dari hari ini', en: 'Take out of the day' },
  put_back: { id: 'Kembalikan ke rencana', en: 'Put back in the plan' },
  unpin: { id: 'Lepas sematan', en: 'Lift the pin' },
  pinned: { id: 'disematkan', en: 'pinned' },
  under_way: { id: 'sedang dikerjakan: tetap di tim ini', en: 'work under way: stays with this crew' },
  new_stop: { id: 'baru', en: 'new' },
  moved_from: { id: 'pindahan dari', en: 'moved from' },
  hours_short: { id: 'jam', en: 'h' },
  dispatch_now: { id: 'Kirim sekarang', en: 'Dispatch now' },
  pick_crew_hint: { id: 'Pilih tim, atau klik markas tim di peta', en: 'Choose a crew, or click a crew base on the map' },
  selected_ticket: { id: 'Tiket dipilih', en: 'Selected ticket' },
  no_road_access: { id: 'Tanpa akses jalan', en: 'No road access' },
  baseline_rule: {
    id: 'Pembanding adil: tiket dilayani sesuai urutan masuk (yang pertama masuk, pertama dilayani) oleh tim terdekat yang sedang bebas, dengan model perjalanan dan jam kerja tim yang sama.',
    en: 'Fair baseline: tickets served first come, first served, each by the nearest free crew, on the same travel model and crew shifts.',
  },
  baseline: { id: 'Pembanding', en: 'Baseline' },
  this_plan: { id: 'Rencana ini', en: 'This plan' },
  tickets_word: { id: 'tiket', en: 'tickets' },
  published_since: { id: 'Terbit sejak draf ini dibuat', en: 'Published since this draft was made' },
  tickets_changed: { id: 'tiket berubah sejak draf dibuat', en: 'tickets changed since the draft was made' },
  rebase_hint: { id: 'Perbarui draf: suntingan Anda diterapkan lagi pada rencana terbaru, lalu periksa dan terbitkan.', en: 'Re-base: your edits are applied again on the latest plan; then review and publish.' },
  kind_daily: { id: 'rencana harian', en: 'daily plan' },
  kind_reoptimise: { id: 'optimasi ulang', en: 're-optimised' },
  kind_dispatch: { id: 'kirim darurat', en: 'urgent dispatch' },
  crew_day: { id: 'Hari tiap tim', en: 'Each crew\'s day' },
  zones: { id: 'Zona', en: 'Zones' },
  before_after: { id: 'sebelum → sesudah', en: 'before → after' },
  route_changed: { id: 'Rute Anda diubah oleh dispatcher.', en: 'The dispatcher changed your route.' },
  route_open_new: { id: 'Lihat rute baru', en: 'See the new route' },
  // ---- maps, place search, labels of codes (issue 14, console)
  street_map_credit: { id: 'Peta jalan', en: 'Street map' },
  basemap_offline: { id: 'Peta jalan tidak dapat dimuat (offline?): hanya batas wilayah yang tampil.', en: 'The street map cannot be loaded (offline?): only the boundaries are shown.' },
  search_place: { id: 'Cari kelurahan, kecamatan atau alamat', en: 'Search a kelurahan, kecamatan or address' },
  search_place_hint: { id: 'Ketik lalu pilih dengan panah dan Enter', en: 'Type, then choose with the arrow keys and Enter' },
  search_no_match: { id: 'Tidak ada tempat yang cocok', en: 'No matching place' },
  place_kelurahan: { id: 'Kelurahan', en: 'Kelurahan' },
  place_kecamatan: { id: 'Kecamatan', en: 'Kecamatan' },
  place_address: { id: 'Alamat', en: 'Address' },
  places_found: { id: 'tempat ditemukan', en: 'places found' },
  location_from_search: { id: 'Lokasi dari pencarian', en: 'Location from the search' },
  message_event: { id: 'Peristiwa pesan', en: 'Message event' },
  message_language: { id: 'Bahasa pesan', en: 'Message language' },
  incident_active: { id: 'aktif', en: 'active' },
  incident_repairing: { id: 'sedang diperbaiki', en: 'being repaired' },
  incident_restored: { id: 'sudah normal', en: 'restored' },
  // ---- the crew app (issue 14)
  offline_banner: { id: 'Tidak ada sinyal: tindakan disimpan di HP dan dikirim saat sinyal kembali.', en: 'No network: actions are kept on this phone and sent when the network returns.' },
  saved_route_from: { id: 'Rute tersimpan, dimuat', en: 'Saved route, loaded' },
  no_saved_route: { id: 'Belum ada rute tersimpan di HP ini. Buka halaman ini sekali saat ada sinyal.', en: 'No route saved on this phone yet. Open this page once with a network.' },
  outbox: { id: 'Antrian kirim', en: 'Send queue' },
  outbox_empty: { id: 'Semua tindakan sudah terkirim.', en: 'Every action has been sent.' },
  outbox_waiting: { id: 'menunggu sinyal', en: 'waiting for network' },
  send_now: { id: 'Kirim sekarang', en: 'Send now' },
  dismiss: { id: 'Tutup', en: 'Dismiss' },
  conflict_moved: { id: 'Titik ini sudah dipindah ke tim lain: tindakan tidak dicatat.', en: 'This stop was moved to another crew: the action was not recorded.' },
  conflict_changed: { id: 'Tiket ini sudah berubah sementara itu: tindakan tidak dicatat.', en: 'This ticket changed meanwhile: the action was not recorded.' },
  conflict_refused: { id: 'Ditolak server:', en: 'Refused by the server:' },
  session_expired_queue: { id: 'Sesi habis: masuk lagi, antrian tetap tersimpan.', en: 'Session expired: log in again; the queue is kept.' },
  take_result_photo: { id: 'Ambil foto hasil', en: 'Take the result photo' },
  photo_ready: { id: 'Foto siap dikirim', en: 'Photo ready to send' },
  photo_first: { id: 'Ambil foto hasil perbaikan dulu.', en: 'Take a photo of the repair first.' },
  photo_too_large: { id: 'Foto terlalu besar; batas (MB):', en: 'The photo is too large; limit (MB):' },
  need_what_first: { id: 'Tulis dulu apa yang dibutuhkan.', en: 'Say first what is needed.' },
  call_reporter: { id: 'Telepon pelapor', en: 'Call the reporter' },
  nothing_to_do: { id: 'Tidak ada tindakan lagi untuk titik ini.', en: 'Nothing more to do at this stop.' },
  queued: { id: 'Disimpan, akan dikirim', en: 'Saved, to be sent' },
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
  heat_legend: { id: 'Laporan per sel', en: 'Reports per cell' },
  ticket_word: { id: 'Tiket', en: 'Ticket' },
  age: { id: 'Umur', en: 'Age' },
  // ---- the ticket page
  photo_before: { id: 'Foto laporan (sebelum)', en: 'Report photo (before)' },
  photo_after: { id: 'Foto hasil (sesudah)', en: 'Result photo (after)' },
  exif_taken: { id: 'Waktu foto (EXIF)', en: 'Photo taken (EXIF)' },
  exif_position: { id: 'Posisi foto (EXIF)', en: 'Photo position (EXIF)' },
  from_reported_point: { id: 'dari titik laporan', en: 'from the reported point' },
  no_exif_position: { id: 'Foto tanpa posisi EXIF', en: 'No EXIF position in the photo' },
  actions: { id: 'Tindakan', en: 'Actions' },
  reporter: { id: 'Pelapor', en: 'Reporter' },
  blocked: { id: 'Diblokir', en: 'Blocked' },
  reported_point: { id: 'Titik laporan', en: 'Reported point' },
  nearby_open: { id: 'Tiket terbuka di sekitar', en: 'Open tickets nearby' },
  confirm_block: { id: 'Blokir pelapor ini? Laporan berikutnya dari nomornya akan ditolak.', en: "Block this reporter? Later reports from this number will be refused." },
  change_priority: { id: 'Ubah prioritas', en: 'Change priority' },
  nothing_to_do_here: { id: 'Tidak ada tindakan untuk peran Anda saat ini.', en: 'No step for your role at this point.' },
  window_days: { id: 'Rentang waktu', en: 'Time window' },
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

const statusLabels: Record<string, Record<Lang, string>> = {
  received: { id: 'Laporan diterima', en: 'Report received' },
  attached: { id: 'Bagian dari gangguan area', en: 'Part of an area incident' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  spk_issued: { id: 'SPK terbit', en: 'Work order issued' },
  assigned: { id: 'Dijadwalkan ke tim', en: 'Assigned to a crew' },
  on_site: { id: 'Tim di lokasi', en: 'Crew on site' },
  escalated: { id: 'Butuh alat berat', en: 'Needs heavy equipment' },
  fixed: { id: 'Sudah diperbaiki', en: 'Repaired' },
  closed: { id: 'Selesai', en: 'Closed' },
};
/** A ticket status in words, never its code. */
export const statusLabel = (s: string) => statusLabels[s]?.[current] ?? s;

const sourceLabels: Record<string, Record<Lang, string>> = {
  app: { id: 'Aplikasi warga', en: 'Citizen app' },
  call_centre: { id: 'Telepon (call center)', en: 'Call centre' },
  walk_in: { id: 'Datang ke kantor', en: 'Walk-in' },
  social_media: { id: 'Media sosial', en: 'Social media' },
  email: { id: 'Surel', en: 'E-mail' },
};
/** The channel a report came through, in words. */
export const sourceLabel = (s: string) => sourceLabels[s]?.[current] ?? s;

const roleLabels: Record<string, Record<Lang, string>> = {
  admin: { id: 'Admin pusat', en: 'Central admin' },
  operator: { id: 'Operator call center', en: 'Call-centre operator' },
  dispatcher: { id: 'Petugas dispatch', en: 'Dispatcher' },
  crew: { id: 'Tim lapangan', en: 'Field crew' },
  kasie: { id: 'Kasie', en: 'Section head' },
  kabag: { id: 'Kabag', en: 'Department head' },
  direktur: { id: 'Direktur', en: 'Director' },
};
/** A staff role in words. */
export const roleLabel = (r: string) => roleLabels[r]?.[current] ?? r;

const messageKindLabels: Record<string, Record<Lang, string>> = {
  'ticket.received': { id: 'Laporan diterima', en: 'Report confirmation' },
  'ticket.spk_issued': { id: 'SPK terbit', en: 'Work order issued' },
  'ticket.assigned': { id: 'Tim ditugaskan', en: 'Crew dispatched' },
  'ticket.fixed': { id: 'Sudah diperbaiki', en: 'Repaired' },
  'ticket.closed': { id: 'Laporan selesai', en: 'Report closed' },
  'ticket.rejected': { id: 'Laporan ditolak', en: 'Report rejected' },
  'ticket.re_reported': { id: 'Dilaporkan lagi', en: 'Reported again' },
  'ticket.attached': { id: 'Bagian dari gangguan area', en: 'Part of an area incident' },
  'incident.updated': { id: 'Kabar gangguan area', en: 'Area incident update' },
  'incident.restored': { id: 'Gangguan area selesai', en: 'Area incident restored' },
  'phone.code': { id: 'Kode verifikasi HP', en: 'Phone verification code' },
  'escalation.respond': { id: 'Eskalasi: penugasan terlambat', en: 'Escalation: late assignment' },
  'escalation.resolve': { id: 'Eskalasi: perbaikan terlambat', en: 'Escalation: late repair' },
  'escalation.heavy_equipment': { id: 'Eskalasi: butuh alat berat', en: 'Escalation: heavy equipment needed' },
  'escalation.repeat': { id: 'Eskalasi: laporan berulang', en: 'Escalation: repeat report' },
  'incident.overdue': { id: 'Gangguan area melewati perkiraan', en: 'Area incident overdue' },
  'ticket.reopened': { id: 'Tiket dibuka lagi', en: 'Ticket reopened' },
  'digest.escalations': { id: 'Ringkasan eskalasi', en: 'Escalation digest' },
};
/** A notification event in words (the admin's message texts). */
export const messageKindLabel = (k: string) => messageKindLabels[k]?.[current] ?? k;

const channelLabels: Record<string, Record<Lang, string>> = {
  inbox: { id: 'Kotak masuk', en: 'Inbox' },
  email: { id: 'Surel', en: 'E-mail' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  sms: { id: 'SMS', en: 'SMS' },
};
/** A message channel in words. */
export const channelLabel = (c: string) => channelLabels[c]?.[current] ?? c;
