/** The short knowledge base of standard answers the admin keeps (first-contact close, seed 001). */
import type { Runner } from '../../platform/db/knex.js';
import type { Category } from '../../core/domain/tickets.js';

export interface StandardAnswer {
  id: number;
  category: Category | null;
  title: { id: string; en: string };
  answer: { id: string; en: string };
  active: boolean;
  updatedAt: Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the pg driver returns it, mapped field by field here
const toAnswer = (r: any): StandardAnswer => ({
  id: r.id,
  category: r.category,
  title: { id: r.title_id, en: r.title_en },
  answer: { id: r.answer_id, en: r.answer_en },
  active: r.active,
  updatedAt: r.updated_at,
});

export async function listAnswers(db: Runner, utilityId: number, includeInactive: boolean): Promise<StandardAnswer[]> {
  const q = db('standard_answers').where({ utility_id: utilityId }).orderBy([{ column: 'category', order: 'asc', nulls: 'last' }, { column: 'id' }]);
  if (!includeInactive) q.where({ active: true });
  return (await q.select('*')).map(toAnswer);
}

export async function findAnswer(db: Runner, utilityId: number, id: number): Promise<StandardAnswer | null> {
  const row = await db('standard_answers').where({ utility_id: utilityId, id }).first();
  return row ? toAnswer(row) : null;
}

export interface AnswerFields {
  category: Category | null;
  title: { id: string; en: string };
  answer: { id: string; en: string };
  active: boolean;
}

const columnsOf = (a: AnswerFields) => ({ category: a.category, title_id: a.title.id, title_en: a.title.en, answer_id: a.answer.id, answer_en: a.answer.en, active: a.active });

export async function insertAnswer(db: Runner, utilityId: number, a: AnswerFields, at: Date): Promise<StandardAnswer> {
  const [row] = await db('standard_answers').insert({ utility_id: utilityId, ...columnsOf(a), created_at: at, updated_at: at }).returning('*');
  return toAnswer(row);
}

export async function updateAnswer(db: Runner, utilityId: number, id: number, a: AnswerFields, at: Date): Promise<StandardAnswer | null> {
  const [row] = await db('standard_answers').where({ utility_id: utilityId, id }).update({ ...columnsOf(a), updated_at: at }).returning('*');
  return row ? toAnswer(row) : null;
}
