import type { Runner, Tx } from '../../platform/db/knex.js';

/**
 * Which worker is running which utility's periodic job: one job_runs row per
 * (utility, job), locked FOR UPDATE SKIP LOCKED for the length of the run, so
 * two workers share the utilities instead of scanning the same one.
 */

/** Every utility, in id order: the ones a tick goes through. */
export async function allUtilityIds(db: Runner): Promise<number[]> {
  return (await db('utilities').orderBy('id').select('id')).map((r) => r.id as number);
}

/**
 * Claims the utility's job for the caller's transaction; false when another
 * worker holds it (skipped, not waited for) or the utility is gone.
 */
export async function claimJobRun(tx: Tx, utilityId: number, job: string): Promise<boolean> {
  await tx.raw(`INSERT INTO job_runs (utility_id, job) SELECT id, ? FROM utilities WHERE id = ? ON CONFLICT DO NOTHING`, [job, utilityId]);
  const claimed = await tx('job_runs').where({ utility_id: utilityId, job }).forUpdate().skipLocked().first('utility_id');
  return Boolean(claimed);
}

/** Records when the claimed job last ran and what it did. */
export async function recordJobRun(tx: Tx, utilityId: number, job: string, at: Date, result: unknown): Promise<void> {
  await tx('job_runs').where({ utility_id: utilityId, job }).update({ last_run_at: at, last_result: JSON.stringify(result) });
}
