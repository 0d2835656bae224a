import { validationError } from '../../core/domain/errors.js';
import { zonedTimeToUtc } from '../../core/domain/time.js';

/** A half-open window [from, to) of UTC instants covering whole days of the utility's calendar. */
export interface Window {
  from: Date;
  to: Date;
  /** Inclusive local dates, for titles and file names. */
  firstDate: string;
  lastDate: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Reports look at years the product can hold tickets for; 9999-12-31 would run past what a Date can print. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

function isRealDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m || Number(m[1]) < FIRST_YEAR || Number(m[1]) > LAST_YEAR) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date;
}

/** Local dates firstDate..lastDate (inclusive) as a window. */
export function dateRange(firstDate: string, lastDate: string, timeZone: string, field = 'from'): Window {
  if (!isRealDate(firstDate)) throw validationError([{ field, message: 'expected a date YYYY-MM-DD' }]);
  if (!isRealDate(lastDate)) throw validationError([{ field: 'to', message: 'expected a date YYYY-MM-DD' }]);
  if (lastDate < firstDate) throw validationError([{ field: 'to', message: 'must not be before from' }]);
  return { from: zonedTimeToUtc(firstDate, '00:00', timeZone), to: zonedTimeToUtc(addDays(lastDate, 1), '00:00', timeZone), firstDate, lastDate };
}

export function monthRange(month: string, timeZone: string, field = 'month'): Window {
  const m = MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || !isRealDate(`${month}-01`)) throw validationError([{ field, message: 'expected a month YYYY-MM' }]);
  const first = `${month}-01`;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)).toISOString().slice(0, 10);
  return dateRange(first, addDays(next, -1), timeZone, field);
}

export function yearRange(year: string, timeZone: string, field = 'year'): Window {
  if (!YEAR.test(year) || !isRealDate(`${year}-01-01`)) throw validationError([{ field, message: 'expected a year YYYY' }]);
  return dateRange(`${year}-01-01`, `${year}-12-31`, timeZone, field);
}

export type PeriodKind = 'day' | 'month' | 'year';

/** The window of a daily (YYYY-MM-DD), monthly (YYYY-MM) or yearly (YYYY) report. */
export function periodRange(kind: PeriodKind, value: string, timeZone: string): Window {
  if (kind === 'day') return dateRange(value, value, timeZone, 'date');
  if (kind === 'month') return monthRange(value, timeZone, 'date');
  return yearRange(value, timeZone, 'date');
}
