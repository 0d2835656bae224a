/**
 * A crew's week and the checks of a crew's set-up, shared by the admin's form,
 * the CSV/XLSX import and the planner (which reads a day's shift only through
 * shiftOnDate: the one home of "does this crew work on that day, and when").
 */
import type { FieldIssue } from './errors.js';
import { normalisePhone } from './phone.js';

/** Monday first, as the week is written in Indonesia (Senin .. Minggu). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** A shift in the utility's local time; an end at or before the start ends the next morning (a night shift). */
export interface Shift {
  start: string; // HH:MM
  end: string; // HH:MM
}

/** Seven entries, Monday to Sunday; null: the crew does not work that day. */
export type WeekShifts = (Shift | null)[];

export interface CrewMember {
  name: string;
  phone: string | null; // +62…
}

/** What an admin sets for a crew (the form, one import row). */
export interface CrewDraft {
  code: string;
  name: string;
  base: { lat: number; lon: number } | null;
  baseAddress: string | null;
  members: CrewMember[];
  shifts: WeekShifts;
  activeFrom: string | null; // YYYY-MM-DD, local
  activeTo: string | null;
  equipment: string[];
  active: boolean;
}

/** A message in English and in Bahasa Indonesia (`messageId`, as the API's errors carry it). */
export interface Said {
  message: string;
  messageId: string;
}
export type CrewIssue = FieldIssue & Said; // messageId required here

export const CREW_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
export const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const everyDay = (start: string, end: string): WeekShifts => weekdays.map(() => ({ start, end }));

/** 0 = Monday .. 6 = Sunday of a calendar date (YYYY-MM-DD), by day count (no clock, no time zone). */
export function weekdayIndexOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const days = Date.UTC(y, m - 1, d) / 86_400_000; // 1970-01-01 was a Thursday (index 3)
  return (((days + 3) % 7) + 7) % 7;
}

/** The crew's shift on a local date: null when it does not work then (day off, outside its active dates, deactivated). */
export function shiftOnDate(crew: { shifts: WeekShifts; activeFrom: string | null; activeTo: string | null; active: boolean }, date: string): Shift | null {
  if (!crew.active) return null;
  if (crew.activeFrom !== null && date < crew.activeFrom) return null;
  if (crew.activeTo !== null && date > crew.activeTo) return null;
  return crew.shifts[weekdayIndexOf(date)] ?? null;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Length of a shift in minutes (a night shift runs past midnight). */
export function shiftMinutes(s: Shift): number {
  const d = minutesOf(s.end) - minutesOf(s.start);
  return d > 0 ? d : d + 24 * 60;
}

export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Parses a member written as "Name" or "Name (0812-3456-7890)"; a list is
 * separated by ";" (the import's `members` column).
 */
export function parseMembers(text: string): { members: CrewMember[]; issues: Said[] } {
  const members: CrewMember[] = [];
  const issues: Said[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = part.match(/^(.*?)\s*(?:\(([^)]*)\))?$/)!;
    const name = m[1].trim();
    const phone = m[2]?.trim() ? normalisePhone(m[2]) : null;
    if (m[2]?.trim() && !phone) issues.push({ message: `${part}: the phone is not an Indonesian mobile number (e.g. 0812-3456-7890)`, messageId: `${part}: nomor HP bukan nomor seluler Indonesia (mis. 0812-3456-7890)` });
    members.push({ name, phone });
  }
  return { members, issues };
}

/** Parses a shift cell: "07:30-16:00"; empty or "libur"/"off": no shift that day. */
export function parseShift(text: string): Shift | null | 'invalid' {
  const s = text.trim().toLowerCase();
  if (s === '' || s === '-' || s === 'libur' || s === 'off') return null;
  const m = s.match(/^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$/);
  if (!m) return 'invalid';
  const start = `${m[1].padStart(2, '0')}:${m[2]}`;
  const end = `${m[3].padStart(2, '0')}:${m[4]}`;
  return { start, end };
}

/**
 * Everything wrong with a crew's set-up, one issue per field (API names:
 * code, name, base, members.0.phone, shifts.mon, activeTo, equipment, ...).
 * Uniqueness of the code and the base inside the service area need the
 * database: the service checks them.
 */
export function crewDraftIssues(c: CrewDraft): CrewIssue[] {
  const issues: CrewIssue[] = [];
  if (!CREW_CODE.test(c.code)) issues.push({ field: 'code', message: 'the crew code: 1-20 letters, digits, dots, hyphens or underscores, e.g. URC-01', messageId: 'kode regu: 1-20 huruf, angka, titik, tanda hubung atau garis bawah, mis. URC-01' });
  if (c.name.trim().length < 2 || c.name.length > 100) issues.push({ field: 'name', message: 'the crew name, 2-100 characters', messageId: 'nama regu, 2-100 karakter' });
  if (c.base !== null) {
    const { lat, lon } = c.base;
    if (!Number.isFinite(lat) || lat < -90 || lat > 90 || !Number.isFinite(lon) || lon < -180 || lon > 180) issues.push({ field: 'base', message: 'a position: latitude -90..90 and longitude -180..180', messageId: 'posisi: lintang -90..90 dan bujur -180..180' });
  } else if (c.active) issues.push({ field: 'base', message: 'an active crew needs a base, where it starts and ends its day: place it on the map (latitude and longitude)', messageId: 'regu aktif perlu pos, tempat mulai dan selesai bertugas: tempatkan di peta (lintang dan bujur)' });
  if (c.baseAddress !== null && c.baseAddress.length > 300) issues.push({ field: 'baseAddress', message: 'at most 300 characters', messageId: 'paling banyak 300 karakter' });
  if (c.members.length > 20) issues.push({ field: 'members', message: 'at most 20 members', messageId: 'paling banyak 20 anggota' });
  c.members.forEach((m, i) => {
    if (m.name.trim().length < 2 || m.name.length > 100) issues.push({ field: `members.${i}.name`, message: 'the member name, 2-100 characters', messageId: 'nama anggota, 2-100 karakter' });
  });
  if (c.shifts.length !== 7) issues.push({ field: 'shifts', message: 'seven days, Monday to Sunday', messageId: 'tujuh hari, Senin sampai Minggu' });
  c.shifts.forEach((s, i) => {
    if (s === null) return;
    const field = `shifts.${weekdays[i]}`;
    if (!HHMM.test(s.start) || !HHMM.test(s.end)) issues.push({ field, message: 'start and end as local times HH:MM, e.g. 07:30-16:00', messageId: 'jam mulai dan selesai HH:MM waktu setempat, mis. 07:30-16:00' });
    else if (s.start === s.end) issues.push({ field, message: `the shift starts and ends at ${s.start}: give an end time after the start (an earlier end is a night shift)`, messageId: `jam kerja mulai dan selesai pukul ${s.start}: isi jam selesai setelah jam mulai (jam selesai lebih awal berarti sif malam)` });
    else if (shiftMinutes(s) > 16 * 60) issues.push({ field, message: `${s.start}-${s.end} is longer than 16 hours (an end before the start is read as the next morning)`, messageId: `${s.start}-${s.end} lebih dari 16 jam (jam selesai sebelum jam mulai dibaca sebagai esok pagi)` });
  });
  if (c.active && c.shifts.every((s) => s === null)) issues.push({ field: 'shifts', message: 'an active crew works at least one day a week', messageId: 'regu aktif bekerja paling sedikit satu hari seminggu' });
  if (c.activeFrom !== null && !isCalendarDate(c.activeFrom)) issues.push({ field: 'activeFrom', message: 'a date YYYY-MM-DD', messageId: 'tanggal TTTT-BB-HH' });
  if (c.activeTo !== null && !isCalendarDate(c.activeTo)) issues.push({ field: 'activeTo', message: 'a date YYYY-MM-DD', messageId: 'tanggal TTTT-BB-HH' });
  if (c.activeFrom !== null && c.activeTo !== null && isCalendarDate(c.activeFrom) && isCalendarDate(c.activeTo) && c.activeTo < c.activeFrom) {
    issues.push({ field: 'activeTo', message: `${c.activeTo} is before the start ${c.activeFrom}`, messageId: `${c.activeTo} sebelum tanggal mulai ${c.activeFrom}` });
  }
  if (c.equipment.length > 30) issues.push({ field: 'equipment', message: 'at most 30 items', messageId: 'paling banyak 30 butir' });
  c.equipment.forEach((e, i) => {
    if (e.trim().length < 1 || e.length > 60) issues.push({ field: `equipment.${i}`, message: 'an item of 1-60 characters', messageId: 'satu butir 1-60 karakter' });
  });
  return issues;
}
