/**
 * Placing a free-text address within a utility by the names of its kelurahan
 * (issue 13: Open311 `address_string`). No outside geocoder: only the
 * boundaries the utility holds (BPS kelurahan polygons). A kelurahan name
 * matches when its words appear whole and in order in the address ("Jl.
 * Veteran No. 3, Mamajang Dalam" names Mamajang Dalam); a name inside a longer
 * matched one does not count ("Maccini Parang" is not also "Maccini"); when
 * several kelurahan remain, the one whose kecamatan the address also names
 * wins; otherwise the address is ambiguous. No I/O.
 */

export interface NamedArea {
  id: number;
  /** The kelurahan (village) name. */
  name: string;
  /** Its kecamatan (district). */
  district: string;
}

export type AddressMatch = { kind: 'one'; area: NamedArea } | { kind: 'none' } | { kind: 'ambiguous'; candidates: NamedArea[] };

/** Lower case, no accents, apostrophes dropped (Pa'Batang = Pabatang), every other non-letter a word break. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Where `name`'s words occur in `words` as a whole run: [start, end) of each occurrence. */
function spansOf(words: readonly string[], name: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  if (name.length === 0) return out;
  for (let i = 0; i + name.length <= words.length; i++) {
    let k = 0;
    while (k < name.length && words[i + k] === name[k]) k++;
    if (k === name.length) out.push([i, i + name.length]);
  }
  return out;
}

export function matchKelurahan(address: string, areas: readonly NamedArea[]): AddressMatch {
  const words = wordsOf(address);
  const hits = areas.flatMap((area) => spansOf(words, wordsOf(area.name)).map(([start, end]) => ({ area, start, end })));
  // A match lying inside a longer one is part of that name, not a place of its own.
  const whole = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  const found = [...new Map(whole.map((h) => [h.area.id, h.area])).values()];
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'one', area: found[0] };
  const inNamedDistrict = found.filter((a) => spansOf(words, wordsOf(a.district)).length > 0);
  if (inNamedDistrict.length === 1) return { kind: 'one', area: inNamedDistrict[0] };
  return { kind: 'ambiguous', candidates: inNamedDistrict.length ? inNamedDistrict : found };
}
