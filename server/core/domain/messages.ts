import { localDateOf, localDateTime, zonedTimeToUtc } from './time.js';

/**
 * What the notification outbox says and when (issue 12), as plain data in and
 * out: the message kinds, their default texts in Bahasa Indonesia and English
 * (the polite "Bapak/Ibu" form of the call-centre scripts, seeds 003 and 004),
 * placeholders, quiet hours, digests and retry back-off.
 */

export const channels = ['inbox', 'email', 'whatsapp', 'sms'] as const;
export type Channel = (typeof channels)[number];
/** The channels that leave the building (a provider per utility). */
export const outboundChannels = ['email', 'whatsapp', 'sms'] as const;
export type OutboundChannel = (typeof outboundChannels)[number];

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

/** Messages to the reporter, one per step a reporter cares about. */
export const reporterKinds = [
  'ticket.received',
  'ticket.spk_issued',
  'ticket.assigned',
  'ticket.fixed',
  'ticket.closed',
  'ticket.rejected',
  'ticket.re_reported',
  'ticket.attached',
  'incident.updated',
  'incident.restored',
  'phone.code',
] as const;
/** Messages to staff. */
export const staffKinds = [
  'escalation.respond',
  'escalation.resolve',
  'escalation.heavy_equipment',
  'escalation.repeat',
  'incident.overdue',
  'ticket.reopened',
  'digest.escalations',
] as const;
export const messageKinds = [...reporterKinds, ...staffKinds] as const;
export type MessageKind = (typeof messageKinds)[number];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (messageKinds as readonly string[]).includes(value);
}

export interface MessageText {
  subject: string;
  body: string;
}

/** The placeholders every kind may use ({{name}}), with an example for the editor's preview. */
export const placeholderExamples: Record<string, string> = {
  name: 'Bapak/Ibu Natalia',
  number: 'LK-2026-000123',
  status: 'SPK diterbitkan',
  statusUrl: 'https://pdam.example.go.id/#/status/LK-2026-000123',
  utility: 'PDAM Kota Makassar',
  contact: 'Call Center PDAM 0411-123456',
  estimate: '2026-12-01 14:30 WITA',
  reason: 'Lokasi di luar wilayah layanan PDAM',
  incident: 'Pipa induk Jl. Perintis pecah',
  message: 'Perbaikan oleh petugas, estimasi 3 jam',
  code: '483920',
  minutes: '10',
  dueAt: '2026-12-01 09:15 WITA',
  priority: 'Kritis',
  note: 'Perlu ekskavator',
  count: '12',
  list: 'LK-2026-000123, LK-2026-000124',
  previous: 'LK-2026-000100',
  outcome: 'dan masih terbuka',
};
export const placeholders = Object.keys(placeholderExamples);

/** The default texts. A utility's own rows (notification_templates) override them one by one. */
export const defaultTemplates: Record<MessageKind, Record<Language, MessageText>> = {
  'ticket.received': {
    id: { subject: 'Laporan {{number}} diterima', body: 'Baik {{name}}, laporan kebocoran {{name}} telah kami terima dengan nomor {{number}} (status: {{status}}). Pantau perkembangannya di {{statusUrl}}. Terima kasih, {{utility}}.' },
    en: { subject: 'Report {{number}} received', body: 'Dear {{name}}, we have received your leak report, number {{number}} (status: {{status}}). Follow it at {{statusUrl}}. Thank you, {{utility}}.' },
  },
  'ticket.spk_issued': {
    id: { subject: 'SPK untuk laporan {{number}}', body: 'Baik {{name}}, laporan {{number}} telah kami verifikasi dan Surat Perintah Kerja telah diterbitkan. Petugas akan segera ditugaskan. Status: {{statusUrl}}' },
    en: { subject: 'Work order for report {{number}}', body: 'Dear {{name}}, report {{number}} has been verified and a work order issued. A crew will be assigned shortly. Status: {{statusUrl}}' },
  },
  'ticket.assigned': {
    id: { subject: 'Petugas menuju lokasi ({{number}})', body: 'Baik {{name}}, petugas kami sedang menuju lokasi laporan {{number}}. Perkiraan selesai: {{estimate}}. Mohon kesediaannya untuk menunggu.' },
    en: { subject: 'Crew on the way ({{number}})', body: 'Dear {{name}}, our crew is on the way to report {{number}}. Expected to be fixed by {{estimate}}. Thank you for your patience.' },
  },
  'ticket.fixed': {
    id: { subject: 'Laporan {{number}} sudah diperbaiki', body: 'Baik {{name}}, kebocoran pada laporan {{number}} sudah diperbaiki oleh petugas. Jika masih bocor, balas pesan ini atau hubungi {{contact}} dengan menyebut nomor {{number}}.' },
    en: { subject: 'Report {{number}} repaired', body: 'Dear {{name}}, the leak in report {{number}} has been repaired. If it still leaks, reply to this message or contact {{contact}} quoting {{number}}.' },
  },
  'ticket.closed': {
    id: { subject: 'Laporan {{number}} selesai', body: 'Baik {{name}}, laporan {{number}} telah selesai ditangani. Terima kasih atas laporan {{name}}, {{utility}}.' },
    en: { subject: 'Report {{number}} closed', body: 'Dear {{name}}, report {{number}} has been completed. Thank you for reporting, {{utility}}.' },
  },
  'ticket.rejected': {
    id: { subject: 'Laporan {{number}} tidak dapat diproses', body: 'Baik {{name}}, mohon maaf, laporan {{number}} tidak dapat kami proses: {{reason}}. Informasi lebih lanjut: {{contact}}.' },
    en: { subject: 'Report {{number}} could not be processed', body: 'Dear {{name}}, we are sorry, report {{number}} could not be processed: {{reason}}. More information: {{contact}}.' },
  },
  'ticket.re_reported': {
    id: { subject: 'Laporan ulang {{number}} diterima', body: 'Baik {{name}}, mohon maaf atas gangguan yang terjadi. Laporan ulang untuk {{number}} telah kami terima dan kami koordinasikan kembali ke petugas. Mohon kesediaannya untuk menunggu.' },
    en: { subject: 'Repeat report {{number}} received', body: 'Dear {{name}}, we apologise for the trouble. Your repeat report on {{number}} has been received and passed to the crew again. Thank you for your patience.' },
  },
  'ticket.attached': {
    id: { subject: 'Gangguan wilayah: {{incident}}', body: 'Baik {{name}}, mohon maaf atas gangguannya. Di wilayah {{name}} sedang terjadi gangguan ({{incident}}): {{message}}. Laporan {{number}} tercatat bersama gangguan ini.' },
    en: { subject: 'Area disruption: {{incident}}', body: 'Dear {{name}}, we apologise. There is a disruption in your area ({{incident}}): {{message}}. Report {{number}} is recorded with it.' },
  },
  'incident.updated': {
    id: { subject: 'Perkembangan gangguan: {{incident}}', body: 'Baik {{name}}, perkembangan gangguan di wilayah {{name}} ({{incident}}): {{message}}. Perkiraan normal: {{estimate}}.' },
    en: { subject: 'Disruption update: {{incident}}', body: 'Dear {{name}}, update on the disruption in your area ({{incident}}): {{message}}. Expected back to normal: {{estimate}}.' },
  },
  'incident.restored': {
    id: { subject: 'Aliran air normal kembali', body: 'Baik {{name}}, gangguan {{incident}} telah selesai diperbaiki dan aliran air normal kembali. Laporan {{number}} kami tutup. Terima kasih atas kesabaran {{name}}.' },
    en: { subject: 'Water supply restored', body: 'Dear {{name}}, the disruption ({{incident}}) has been repaired and the supply is back to normal. Report {{number}} is closed. Thank you for your patience.' },
  },
  'phone.code': {
    id: { subject: 'Kode verifikasi', body: 'Kode verifikasi {{utility}}: {{code}}. Berlaku {{minutes}} menit. Jangan berikan kode ini kepada siapa pun.' },
    en: { subject: 'Verification code', body: '{{utility}} verification code: {{code}}. Valid for {{minutes}} minutes. Do not share this code.' },
  },
  'escalation.respond': {
    id: { subject: '{{number}}: belum direspons (belum ada tim) tepat waktu', body: '{{number}} (prioritas {{priority}}) seharusnya direspons paling lambat {{dueAt}} {{outcome}}.' },
    en: { subject: '{{number}}: not responded to (no crew assigned) in time', body: '{{number}} ({{priority}}) was due a response by {{dueAt}} {{outcome}}.' },
  },
  'escalation.resolve': {
    id: { subject: '{{number}}: belum selesai tepat waktu', body: '{{number}} (prioritas {{priority}}) seharusnya selesai paling lambat {{dueAt}} {{outcome}}.' },
    en: { subject: '{{number}}: not resolved in time', body: '{{number}} ({{priority}}) was due to be resolved by {{dueAt}} {{outcome}}.' },
  },
  'escalation.heavy_equipment': {
    id: { subject: '{{number}}: perlu alat berat', body: 'Tim melaporkan {{number}} (prioritas {{priority}}) perlu alat berat: {{note}}.' },
    en: { subject: '{{number}}: needs heavy equipment', body: 'The crew reports {{number}} ({{priority}}) needs heavy equipment: {{note}}.' },
  },
  'escalation.repeat': {
    id: { subject: '{{number}}: laporan berulang (URGENT)', body: 'Pelanggan melapor kembali lebih dari 6 jam setelah {{previous}} selesai. Laporan baru {{number}} ditandai URGENT.' },
    en: { subject: '{{number}}: repeat report (URGENT)', body: 'The customer reported again more than 6 hours after {{previous}} was done. New report {{number}} is flagged URGENT.' },
  },
  'incident.overdue': {
    id: { subject: 'Gangguan melewati estimasi: {{incident}}', body: 'Gangguan wilayah "{{incident}}" belum pulih, padahal estimasinya {{estimate}}.' },
    en: { subject: 'Disruption past its estimate: {{incident}}', body: 'The area disruption "{{incident}}" is not restored; it was estimated for {{estimate}}.' },
  },
  'ticket.reopened': {
    id: { subject: '{{number}} dibuka kembali', body: '{{number}} dibuka kembali: {{note}}.' },
    en: { subject: '{{number}} reopened', body: '{{number}} was reopened: {{note}}.' },
  },
  'digest.escalations': {
    id: { subject: 'Ringkasan: {{count}} tiket Normal terlambat', body: '{{count}} tiket prioritas Normal melewati batas waktu: {{list}}.' },
    en: { subject: 'Digest: {{count}} Normal tickets late', body: '{{count}} Normal-priority tickets are past their targets: {{list}}.' },
  },
};

/** The placeholders a text uses that are not known: a typo the editor refuses. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]).filter((p) => !placeholders.includes(p));
}

/** The placeholders a text uses, each once, in the order it first uses them: a WhatsApp template's {{1}}, {{2}}, ... */
export function placeholderOrder(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))];
}

/** Fills {{placeholders}}; one without a value is left out (an empty string). */
export function renderText(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

export function renderMessage(t: MessageText, values: Record<string, string | null | undefined>): MessageText {
  return { subject: renderText(t.subject, values), body: renderText(t.body, values) };
}

/** How the reporter is addressed: "Bapak/Ibu Natalia", or "Bapak/Ibu" without a name. */
export function addressOf(name: string | null | undefined, lang: Language): string {
  const polite = lang === 'id' ? 'Bapak/Ibu' : 'Sir/Madam';
  return name?.trim() ? `${polite} ${name.trim()}` : polite;
}

export interface QuietHours {
  /** Local wall-clock HH:MM when non-urgent messages stop. */
  start: string;
  /** Local wall-clock HH:MM when they resume. */
  end: string;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * The earliest instant at or after `now` outside the quiet hours (local time in
 * `timeZone`); `now` itself when it is not quiet. A window may cross midnight.
 */
export function afterQuietHours(now: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const local = localDateTime(now, timeZone);
  const minute = minutesOf(local.slice(11, 16));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const isQuiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!isQuiet) return now;
  const today = localDateOf(now, timeZone);
  const endToday = zonedTimeToUtc(today, quiet.end, timeZone);
  if (endToday.getTime() > now.getTime()) return endToday;
  return zonedTimeToUtc(localDateOf(new Date(now.getTime() + 24 * 3_600_000), timeZone), quiet.end, timeZone);
}

export type DigestMode = 'immediate' | 'hourly' | 'daily';

/** When a digest that collects from `now` goes out: the next full local hour, or the next daily time. */
export function digestDueAt(now: Date, mode: Exclude<DigestMode, 'immediate'>, dailyAt: string, timeZone: string): Date {
  if (mode === 'hourly') {
    // Every zone the product serves (WIB, WITA, WIT) is a whole number of hours from UTC.
    const hour = 3_600_000;
    return new Date(Math.floor(now.getTime() / hour) * hour + hour);
  }
  const today = zonedTimeToUtc(localDateOf(now, timeZone), dailyAt, timeZone);
  if (today.getTime() > now.getTime()) return today;
  return zonedTimeToUtc(localDateOf(new Date(now.getTime() + 24 * 3_600_000), timeZone), dailyAt, timeZone);
}

/** Seconds before attempt n+1 after n failed ones: base * 2^(n-1), capped. */
export function backoffSeconds(failedAttempts: number, baseSeconds: number, maxSeconds: number): number {
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, failedAttempts - 1));
}

/** Whether a reply from a reporter is one of the keywords alone, any case (STOP, BERHENTI to opt out; START, MULAI to opt in). */
export function isKeywordReply(text: string, keywords: readonly string[]): boolean {
  const word = text.trim().toUpperCase();
  return keywords.some((k) => k.trim().toUpperCase() === word);
}

/** Whether a reply from a reporter asks to hear no more (a keyword alone, any case: STOP, BERHENTI). */
export function isOptOutReply(text: string, keywords: readonly string[]): boolean {
  const word = text.trim().toUpperCase();
  return keywords.some((k) => k.trim().toUpperCase() === word);
}

/**
 * The channel a reporter is reached on: their preferred one when the utility
 * has it, else the first of the utility's order it has and the reporter can use
 * (e-mail only with an address). null: no way to reach them.
 */
export function reporterChannelOf(
  reporter: { preferredChannel: OutboundChannel | null; email: string | null; phone: string | null },
  available: readonly OutboundChannel[],
  order: readonly OutboundChannel[],
): OutboundChannel | null {
  const usable = (c: OutboundChannel) => available.includes(c) && (c === 'email' ? Boolean(reporter.email) : Boolean(reporter.phone));
  if (reporter.preferredChannel && usable(reporter.preferredChannel)) return reporter.preferredChannel;
  return order.find(usable) ?? null;
}
