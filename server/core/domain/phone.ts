/**
 * Indonesian phone numbers, normalised to E.164 (+62...). People write them as
 * 0812-3456-7890, +62 812 3456 7890, 62812..., (0411) 123456: all the same line.
 */
const SEPARATORS = /[\s\-.()/]/g;
const E164_ID = /^\+62[1-9][0-9]{6,12}$/;

/** Returns the +62 form, or null when the input is not an Indonesian number. */
export function normalisePhone(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, '');
  if (!/^\+?[0-9]+$/.test(compact)) return null;
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else if (compact.startsWith('8')) national = compact;
  else return null;
  const e164 = `+62${national}`;
  return E164_ID.test(e164) ? e164 : null;
}
