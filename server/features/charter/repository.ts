import type { Runner } from '../../platform/db/knex.js';

export async function findCharterTexts(db: Runner, utilityId: number): Promise<Record<string, unknown> | null> {
  const row = await db('charters').where({ utility_id: utilityId }).first('texts');
  return row?.texts ?? null;
}

export async function saveCharterTexts(db: Runner, utilityId: number, texts: Record<string, unknown>, by: number, at: Date): Promise<void> {
  await db('charters')
    .insert({ utility_id: utilityId, texts: JSON.stringify(texts), updated_by: by, updated_at: at })
    .onConflict('utility_id')
    .merge({ texts: JSON.stringify(texts), updated_by: by, updated_at: at });
}
