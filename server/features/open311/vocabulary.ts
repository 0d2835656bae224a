/**
 * Open311 GeoReport v2 words for our tickets: the service list (one service per
 * leak category), the open/closed mapping of our statuses, W3C date-times in
 * the utility's zone, and the scrubbing of public text. No I/O.
 */
import { categories, type Category, type TicketStatus } from '../../core/domain/tickets.js';
import { offsetMinutesAt } from '../../core/domain/time.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const GROUP = 'Kebocoran air';
/** When the service list below last changed (discovery's changeset: clients refresh cached services when it moves). */
export const SERVICES_CHANGESET = '2026-11-23T00:00:00Z';

export interface Open311Service {
  service_code: Category;
  service_name: string;
  description: string;
  metadata: true;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** Bahasa Indonesia first; the English follows in the description. Same names as the console (web/src/i18n.ts). */
const catalogue: Record<Category, { name: string; id: string; en: string; keywords: string }> = {
  pipe_burst: {
    name: 'Pipa pecah',
    id: 'Pipa pecah atau putus, air menyembur atau menggenangi jalan.',
    en: 'Burst pipe: a broken main or service pipe, water gushing or flooding the street.',
    keywords: 'pipa pecah, pipa putus, air menyembur, burst pipe, main break',
  },
  visible_leak: {
    name: 'Kebocoran terlihat',
    id: 'Air merembes atau mengalir dari pipa, sambungan atau tanah.',
    en: 'Visible leak: water seeping or running from a pipe, a joint or the ground.',
    keywords: 'bocor, rembesan, kebocoran pipa, leak, seepage',
  },
  meter_leak: {
    name: 'Bocor di meter',
    id: 'Kebocoran di meter air atau sambungan rumah.',
    en: 'Leak at the meter: a leak at the water meter or the house connection.',
    keywords: 'meter air bocor, sambungan rumah, meter leak, house connection',
  },
  no_water: {
    name: 'Air tidak mengalir',
    id: 'Air PDAM tidak mengalir atau sangat kecil, sering karena kebocoran di jaringan.',
    en: 'No water: no supply or very low pressure, often caused by a leak in the network.',
    keywords: 'air mati, tidak mengalir, tekanan kecil, no water, low pressure',
  },
  other: {
    name: 'Lainnya',
    id: 'Masalah air lain yang perlu diperiksa petugas.',
    en: 'Other: another water problem for the crew to check.',
    keywords: 'lainnya, other',
  },
};

export const services: readonly Open311Service[] = categories.map((code) => ({
  service_code: code,
  service_name: catalogue[code].name,
  description: `${catalogue[code].id} (EN) ${catalogue[code].en}`,
  metadata: true,
  type: 'realtime',
  keywords: catalogue[code].keywords,
  group: GROUP,
}));

/** One attribute of a service definition, as the spec lists its fields (and in its order). */
export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

/**
 * Whether the neighbours are affected too: what tells an area disruption (a
 * main break, one incident behind many reports) from a single-house problem
 * (seed 003). Asked of every service, never required; the answer is kept in
 * the ticket's description for the admin.
 */
export const NEIGHBOURS_AFFECTED: Open311Attribute = {
  variable: true,
  code: 'neighbours_affected',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: 'Pilih satu. / Choose one.',
  order: 1,
  description: 'Apakah rumah tetangga juga terdampak? (EN) Are the neighbours affected too?',
  values: [
    { key: 'yes', name: 'Ya, tetangga juga (yes, the neighbours too)' },
    { key: 'no', name: 'Tidak, hanya di sini (no, only here)' },
    { key: 'unknown', name: 'Tidak tahu (do not know)' },
  ],
};

export const serviceAttributes: readonly Open311Attribute[] = [NEIGHBOURS_AFFECTED];

/** The line an answered attribute adds to the ticket's description (Bahasa Indonesia, for the admin). */
export function attributeNoteOf(code: string, key: string): string | null {
  if (code !== NEIGHBOURS_AFFECTED.code) return null;
  const words: Record<string, string> = { yes: 'ya', no: 'tidak', unknown: 'tidak tahu' };
  return words[key] ? `Tetangga juga terdampak: ${words[key]}.` : null;
}

export function isServiceCode(value: string): value is Category {
  return (categories as readonly string[]).includes(value);
}

export const serviceNameOf = (code: Category): string => catalogue[code].name;

export type Open311Status = 'open' | 'closed';

/**
 * `fixed` stays open: the crew says it is repaired, but the SOP ends a ticket
 * only when the admin has verified and closed it, and the admin may still send
 * it back to the crew. A rejected report is closed (the spec's "Duplicate
 * request." example is closed too); status_notes tells the two apart.
 */
const open311StatusByStatus: Record<TicketStatus, Open311Status> = {
  received: 'open',
  attached: 'open', // part of an open area incident: open until the incident is restored
  spk_issued: 'open',
  assigned: 'open',
  on_site: 'open',
  escalated: 'open',
  fixed: 'open',
  closed: 'closed',
  rejected: 'closed',
  merged: 'closed', // counted on the open ticket of the same spot (the spec's "Duplicate request." is closed too)
  answered: 'closed', // answered at first contact
  forwarded: 'closed', // handed to another unit
};

export const open311StatusOf = (status: TicketStatus): Open311Status => open311StatusByStatus[status];

export function statusesOf(open311: Open311Status): TicketStatus[] {
  return (Object.keys(open311StatusByStatus) as TicketStatus[]).filter((s) => open311StatusByStatus[s] === open311);
}

/**
 * A zone's offset is the same all day on all but its transition days: it is
 * kept per zone and UTC day (a day whose two ends disagree is worked out per
 * instant). Formatting a thousand Open311 rows then costs a few Intl calls,
 * not three per row (each ~30 µs).
 */
const DAY_MS = 86_400_000;
const dayOffsets = new Map<string, number | null>();
function offsetOf(instant: Date, timeZone: string): number {
  const day = Math.floor(instant.getTime() / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = offsetMinutesAt(new Date(day * DAY_MS), timeZone);
    offset = start === offsetMinutesAt(new Date((day + 1) * DAY_MS - 1000), timeZone) ? start : null;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? offsetMinutesAt(instant, timeZone);
}

/** The W3C date-time profile of ISO 8601 in the zone's offset: 2026-11-23T09:00:00+08:00 (seconds, no fraction). */
export function toW3cDateTime(instant: Date, timeZone: string): string {
  const offset = offsetOf(instant, timeZone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Phone numbers, e-mail addresses and the reporter's name typed into a
 * description or an address (call-centre notes often carry the caller's
 * number) are hidden from the public. The text is first folded to its NFKC
 * form, so full-width digits (０８１２…) and signs count as their ASCII
 * twins. A run of 8 or more digits, with any of the usual separators between
 * them (spaces, - . ( ) / _ * ~ : |, and a leading "+" or "("), counts as a
 * phone; an address counts as e-mail with "@" or a spelled-out "[at]", "(at)",
 * " at " (and "[dot]", "(titik)" for the dots).
 */
const PHONE_LIKE = /[+(]?\d(?:[\s\-.()/_*~:|]*\d){7,}/g;
const AT = String.raw`(?:\s*@\s*|\s*[[({<]\s*at\s*[\])}>]\s*)`;
const SPELLED_DOT = String.raw`(?:\s*[[({<]\s*(?:dot|titik)\s*[\])}>]\s*|\s+(?:dot|titik)\s+)`;
const DOT = String.raw`(?:\.|\s+\.\s+|${SPELLED_DOT})`;
const WORD = String.raw`[^\s@<>()[\]{},;:"'.]+`;
/** name@host.tld, name [at] host [dot] tld, name @ host . tld ... */
const EMAIL_LIKE = new RegExp(`${WORD}(?:\\.${WORD})*${AT}${WORD}(?:${DOT}${WORD})*${DOT}[A-Za-z]{2,}\\b`, 'gi');
/** name at host dot tld: a bare " at " only with spelled-out dots (else "toko at Jl. Veteran" would go). */
const EMAIL_SPELLED = new RegExp(`${WORD}\\s+at\\s+${WORD}(?:${SPELLED_DOT}${WORD})*${SPELLED_DOT}[A-Za-z]{2,}\\b`, 'gi');

const escapeRegExp = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `names`: the reporter's name (first and last), hidden as whole words
 * wherever they appear (case and width folded), each word of 3 letters or more.
 */
export function scrubPublicText(text: string | null, names: readonly (string | null | undefined)[] = []): string | null {
  if (text === null) return null;
  // Cheap tests first: most descriptions hold no "@", no " at " and no name.
  let out = /[\u0080-\uffff]/.test(text) ? text.normalize('NFKC') : text;
  if (/@|[[({<]\s*at\s*[\])}>]/i.test(out)) out = out.replace(EMAIL_LIKE, '[email disembunyikan]');
  if (/\sat\s/i.test(out)) out = out.replace(EMAIL_SPELLED, '[email disembunyikan]');
  out = out.replace(PHONE_LIKE, '[nomor disembunyikan]');
  const lower = out.toLowerCase();
  const words = [...new Set(names.flatMap((n) => (n ?? '').normalize('NFKC').toLowerCase().split(/[\s,.]+/)))].filter((w) => w.length >= 3 && lower.includes(w));
  if (words.length) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu'), '[nama disembunyikan]');
  }
  return out;
}

/**
 * FixMyStreet's servicerequestupdates statuses (its Open311 client reads
 * them, upper case, into its own states). A reopened ticket is REOPEN (seed
 * 003's re-report); a rejected report (a hoax, not a leak) NO_FURTHER_ACTION.
 */
export type FmsStatus = 'OPEN' | 'INVESTIGATING' | 'ACTION_SCHEDULED' | 'IN_PROGRESS' | 'FIXED' | 'CLOSED' | 'NO_FURTHER_ACTION' | 'REOPEN' | 'DUPLICATE' | 'INTERNAL_REFERRAL';

const fmsStatusByStatus: Record<TicketStatus, FmsStatus> = {
  received: 'OPEN',
  attached: 'INVESTIGATING', // part of an area incident the utility is working on
  spk_issued: 'ACTION_SCHEDULED',
  assigned: 'ACTION_SCHEDULED',
  on_site: 'IN_PROGRESS',
  escalated: 'IN_PROGRESS',
  fixed: 'FIXED',
  closed: 'CLOSED',
  rejected: 'NO_FURTHER_ACTION',
  merged: 'DUPLICATE', // counted as one more report on the open ticket of the same spot
  answered: 'CLOSED', // answered at first contact (call centre, walk-in)
  forwarded: 'INTERNAL_REFERRAL', // forwarded to the unit responsible, its answer recorded
};

export function fmsStatusOf(action: string, status: TicketStatus): FmsStatus {
  return action === 'reopen' || action === 'reopen_restored' ? 'REOPEN' : fmsStatusByStatus[status];
}
