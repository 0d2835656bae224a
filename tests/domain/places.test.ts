import { describe, expect, it } from 'vitest';
import { matchKelurahan, wordsOf, type NamedArea } from '../../server/core/domain/places.js';

const areas: NamedArea[] = [
  { id: 1, name: 'Maccini', district: 'Makassar' },
  { id: 2, name: 'Maccini Parang', district: 'Makassar' },
  { id: 3, name: 'Parang', district: 'Mamajang' },
  { id: 4, name: 'Parang Tambung', district: 'Tamalate' },
  { id: 5, name: "Pa'Batang", district: 'Mamajang' },
  { id: 6, name: 'Kassi-Kassi', district: 'Rappocini' },
  { id: 7, name: 'Bara-Baraya', district: 'Makassar' },
  { id: 8, name: 'Bara-Baraya', district: 'Bontoala' }, // one name, two kecamatan (it happens)
];
const placed = (address: string) => {
  const m = matchKelurahan(address, areas);
  return m.kind === 'one' ? m.area.id : m.kind;
};

describe('placing an address by the kelurahan it names', () => {
  it('finds a kelurahan named whole, whatever the case, accents, apostrophes and hyphens', () => {
    expect(wordsOf("Jl. Sungai Saddang No.5, Kel. Pa'Batang")).toEqual(['jl', 'sungai', 'saddang', 'no', '5', 'kel', 'pabatang']);
    expect(placed("Jl. Cenderawasih 9, kel. pa'batang")).toBe(5);
    expect(placed('Lorong 3, KASSI KASSI, Rappocini')).toBe(6);
    expect(placed('Jl. Veteran, Maccini')).toBe(1);
  });

  it('a name inside a longer matched name is that longer place', () => {
    expect(placed('Jl. Abu Bakar Lambogo, Maccini Parang')).toBe(2);
    expect(placed('Jl. Daeng Tata, Parang Tambung')).toBe(4);
  });

  it('two kelurahan named: the one whose kecamatan is also named, else ambiguous', () => {
    expect(placed('Maccini dekat Parang, Kec. Mamajang')).toBe(3);
    expect(matchKelurahan('Maccini dekat Parang', areas)).toEqual({ kind: 'ambiguous', candidates: [areas[0], areas[2]] });
    expect(placed('Jl. Gunung Bawakaraeng, Bara-Baraya, Makassar')).toBe(7);
    expect(matchKelurahan('Bara Baraya', areas).kind).toBe('ambiguous');
  });

  it('no kelurahan named, or only part of a name: none', () => {
    expect(placed('Jl. Cenderawasih No. 9, Mamajang, Makassar')).toBe('none'); // a kecamatan, not a kelurahan
    expect(placed('Maccinis')).toBe('none');
    expect(placed('')).toBe('none');
  });
});
