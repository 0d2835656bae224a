/** Calendar facts in a utility's time zone (times are stored in UTC). */

// One formatter per zone: building an Intl.DateTimeFormat costs more than a thousand uses of it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsIn(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
}

export function yearIn(instant: Date, timeZone: string): number {
  return Number(partsIn(instant, timeZone).year);
}

/** YYYY-MM-DD of the instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset of the zone from UTC at that instant, in minutes (WITA: +480). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant of a local wall-clock time (date YYYY-MM-DD, time HH:MM[:SS]) in the zone. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const guess = new Date(Date.UTC(y, m - 1, d, hh, mm, ss));
  const offset = offsetMinutesAt(guess, timeZone);
  const first = new Date(guess.getTime() - offset * 60_000);
  const corrected = offsetMinutesAt(first, timeZone);
  return corrected === offset ? first : new Date(guess.getTime() - corrected * 60_000);
}

/** The local wall-clock time of the instant, as a Date whose UTC fields carry it (what Excel shows). */
export function wallClockOf(instant: Date, timeZone: string): Date {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, instant.getUTCMilliseconds()));
}

/** "YYYY-MM-DD HH:MM" of the instant in the zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  return wallClockOf(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}
