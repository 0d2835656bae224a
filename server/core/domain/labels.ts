import type { TicketStatus } from './tickets.js';

/** Status names as a citizen reads them: Bahasa Indonesia first, English beside. */
export const statusLabels: Record<TicketStatus, { id: string; en: string }> = {
  received: { id: 'Laporan diterima', en: 'Report received' },
  attached: { id: 'Tergabung dalam gangguan wilayah', en: 'Part of an area disruption' },
  rejected: { id: 'Laporan ditolak', en: 'Report rejected' },
  spk_issued: { id: 'SPK diterbitkan', en: 'Work order issued' },
  assigned: { id: 'Tim ditugaskan', en: 'Crew assigned' },
  on_site: { id: 'Tim di lokasi', en: 'Crew on site' },
  escalated: { id: 'Menunggu alat berat', en: 'Waiting for heavy equipment' },
  fixed: { id: 'Sudah diperbaiki', en: 'Repaired' },
  closed: { id: 'Selesai', en: 'Closed' },
  merged: { id: 'Digabung dengan laporan lain di lokasi yang sama', en: 'Added to another report of the same spot' },
  answered: { id: 'Dijawab langsung oleh petugas', en: 'Answered at first contact' },
  forwarded: { id: 'Diteruskan ke unit terkait', en: 'Forwarded to the responsible unit' },
};
