import type { Runner } from '../../platform/db/knex.js';

/** Which of these stored keys a photo row still refers to, in any utility (the orphan sweep's question). */
export async function referencedPhotoKeys(db: Runner, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows: { stored_path: string }[] = await db('photos').distinct('stored_path').whereIn('stored_path', keys);
  return new Set(rows.map((r) => r.stored_path));
}
