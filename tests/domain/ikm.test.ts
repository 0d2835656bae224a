import { describe, expect, it } from 'vitest';
import { ikmElements, ikmGradeOf, ikmOf, type IkmResponse } from '../../server/core/domain/ikm.js';

describe('IKM (Kep MenPAN 25/2004)', () => {
  it('has the 14 elements of the decree', () => {
    expect(ikmElements).toHaveLength(14);
  });

  it('weights the 14 element means equally and converts to 25-100', () => {
    expect(ikmOf([{ score: 4, elements: {} }]).index).toBe(100);
    expect(ikmOf([{ score: 1, elements: {} }]).index).toBe(25);
    // Two respondents: 3 and 4 overall, the second rated speed 2. Element means: 3.5 x 13, speed 2.5.
    const r = ikmOf([
      { score: 3, elements: {} },
      { score: 4, elements: { speed: 2 } },
    ]);
    expect(r.respondents).toBe(2);
    expect(r.elementMeans!.speed).toBe(2.5);
    expect(r.elementMeans!.courtesy).toBe(3.5);
    // (13 x 3.5 + 2.5) / 14 = 3.4286 -> 85.71
    expect(r.unitValue).toBe(3.43);
    expect(r.index).toBe(85.71);
    expect(r.grade).toBe('A');
  });

  it('grades on the decree’s intervals', () => {
    expect(ikmGradeOf(81.26)).toBe('A');
    expect(ikmGradeOf(81.25)).toBe('B');
    expect(ikmGradeOf(62.51)).toBe('B');
    expect(ikmGradeOf(62.5)).toBe('C');
    expect(ikmGradeOf(43.76)).toBe('C');
    expect(ikmGradeOf(43.75)).toBe('D');
    expect(ikmGradeOf(25)).toBe('D');
  });

  it('has no index without respondents', () => {
    expect(ikmOf([])).toEqual({ respondents: 0, unitValue: null, index: null, grade: null, elementMeans: null });
  });

  it('three in four respondents scoring 3 and one 2: 68.75, grade B', () => {
    const rs: IkmResponse[] = [3, 3, 3, 2].map((s) => ({ score: s as 2 | 3, elements: {} }));
    expect(ikmOf(rs)).toMatchObject({ index: 68.75, grade: 'B' });
  });
});
