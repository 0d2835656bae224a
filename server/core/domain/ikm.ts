/**
 * The community satisfaction index (Indeks Kepuasan Masyarakat, IKM) of
 * Kep MenPAN 25/2004, as plain data in and out.
 *
 * - Each respondent scores 1-4 (1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik).
 *   The decree asks about 14 elements (unsur); a citizen here gives one overall
 *   score and may score any of the elements: an element a respondent left out
 *   takes their overall score.
 * - Per element, the mean score over the respondents (nilai rata-rata, NRR); the
 *   index is the weighted sum with equal weights 1/14 (the decree's 0.071, taken
 *   exactly so that all 4s give 4.00), a value 1-4.
 * - Converted to the 25-100 scale (x 25), it reads as a grade (mutu pelayanan):
 *   A sangat baik 81.26-100, B baik 62.51-81.25, C kurang baik 43.76-62.50, D tidak baik 25-43.75.
 */
export const ikmElements = [
  'procedure', 'requirements', 'clarity', 'discipline', 'responsibility', 'competence', 'speed',
  'fairness', 'courtesy', 'cost_fairness', 'cost_certainty', 'schedule_certainty', 'comfort', 'security',
] as const;
export type IkmElement = (typeof ikmElements)[number];

/** The 14 elements (unsur) of Kep MenPAN 25/2004, as a citizen reads them. */
export const ikmElementLabels: Record<IkmElement, { id: string; en: string }> = {
  procedure: { id: 'Prosedur pelayanan', en: 'Service procedure' },
  requirements: { id: 'Persyaratan pelayanan', en: 'Service requirements' },
  clarity: { id: 'Kejelasan petugas pelayanan', en: 'Clarity of the staff' },
  discipline: { id: 'Kedisiplinan petugas pelayanan', en: 'Discipline of the staff' },
  responsibility: { id: 'Tanggung jawab petugas pelayanan', en: 'Responsibility of the staff' },
  competence: { id: 'Kemampuan petugas pelayanan', en: 'Competence of the staff' },
  speed: { id: 'Kecepatan pelayanan', en: 'Speed of service' },
  fairness: { id: 'Keadilan mendapatkan pelayanan', en: 'Equal treatment' },
  courtesy: { id: 'Kesopanan dan keramahan petugas', en: 'Courtesy of the staff' },
  cost_fairness: { id: 'Kewajaran biaya pelayanan', en: 'Fairness of the cost' },
  cost_certainty: { id: 'Kepastian biaya pelayanan', en: 'Certainty of the cost' },
  schedule_certainty: { id: 'Kepastian jadwal pelayanan', en: 'Certainty of the schedule' },
  comfort: { id: 'Kenyamanan lingkungan', en: 'Comfort of the surroundings' },
  security: { id: 'Keamanan pelayanan', en: 'Safety of the service' },
};

export type IkmScore = 1 | 2 | 3 | 4;
export interface IkmResponse {
  score: IkmScore;
  elements: Partial<Record<IkmElement, IkmScore>>;
}

export type IkmGrade = 'A' | 'B' | 'C' | 'D';
export const ikmGradeLabels: Record<IkmGrade, { id: string; en: string }> = {
  A: { id: 'Sangat baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang baik', en: 'Poor' },
  D: { id: 'Tidak baik', en: 'Bad' },
};

export interface Ikm {
  respondents: number;
  /** The weighted index, 1-4 (two decimals); null without respondents. */
  unitValue: number | null;
  /** The index on the 25-100 scale (two decimals). */
  index: number | null;
  grade: IkmGrade | null;
  /** Mean score per element (two decimals). */
  elementMeans: Record<IkmElement, number> | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The grade of an index on the 25-100 scale. */
export function ikmGradeOf(index: number): IkmGrade {
  if (index > 81.25) return 'A';
  if (index > 62.5) return 'B';
  if (index > 43.75) return 'C';
  return 'D';
}

export function ikmOf(responses: readonly IkmResponse[]): Ikm {
  if (responses.length === 0) return { respondents: 0, unitValue: null, index: null, grade: null, elementMeans: null };
  const sums = new Float64Array(ikmElements.length);
  for (const r of responses) {
    for (let e = 0; e < ikmElements.length; e++) sums[e] += r.elements[ikmElements[e]] ?? r.score;
  }
  const weight = 1 / ikmElements.length;
  let unit = 0;
  const elementMeans = {} as Record<IkmElement, number>;
  for (let e = 0; e < ikmElements.length; e++) {
    const mean = sums[e] / responses.length;
    elementMeans[ikmElements[e]] = round2(mean);
    unit += mean * weight;
  }
  const index = round2(unit * 25);
  return { respondents: responses.length, unitValue: round2(unit), index, grade: ikmGradeOf(index), elementMeans };
}
