import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint } from '../../platform/db/geo.js';

/** Which of these stored keys a photo row still refers to, in any utility (the orphan sweep's question). */
export async function referencedPhotoKeys(db: Runner, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows: { stored_path: string }[] = await db('photos').distinct('stored_path').whereIn('stored_path', keys);
  // A report journalled under load (journal.service.ts) refers to its photo before any photo row does.
  const { rows: journalled } = await db.raw<{ rows: { stored_path: string }[] }>(
    `SELECT request->'photo'->>'storedPath' AS stored_path FROM intake_journal WHERE state = 'pending' AND request->'photo'->>'storedPath' = ANY(?)`,
    [keys],
  );
  return new Set([...rows, ...journalled].map((r) => r.stored_path));
}

/** A photo whose analysis is pending, as the analyser needs it. */
export interface PendingPhoto {
  id: number;
  utilityId: number;
  ticketId: number;
  kind: 'report' | 'result';
  storedPath: string;
}

/**
 * Claims photos whose analysis is pending, holding them until `leaseUntil`,
 * oldest first (SKIP LOCKED: two instances claim different rows):
 * - `ids`: these photos, which this process wrote (its own lease, set at insert);
 * - otherwise up to `limit` photos whose lease ran out (a process that died
 *   before analysing them), of `utilityIds` when given.
 */
export async function claimPendingPhotos(
  db: Runner,
  now: Date,
  leaseUntil: Date,
  which: { ids: number[] } | { limit: number; utilityIds?: number[]; includeLeased?: boolean },
): Promise<PendingPhoto[]> {
  const inner = db('photos').whereNull('analysed_at').orderBy('id').forUpdate().skipLocked().select('id');
  if ('ids' in which) inner.whereIn('id', which.ids);
  else {
    if (!which.includeLeased) inner.where((w) => w.whereNull('analysis_lease_until').orWhere('analysis_lease_until', '<', now));
    inner.limit(which.limit);
    if (which.utilityIds) inner.whereIn('utility_id', which.utilityIds);
  }
  const rows: { id: string; utility_id: string; ticket_id: string; kind: 'report' | 'result'; stored_path: string }[] = await db('photos')
    .whereIn('id', inner)
    .update({ analysis_lease_until: leaseUntil })
    .returning(['id', 'utility_id', 'ticket_id', 'kind', 'stored_path']);
  return rows
    .map((r) => ({ id: Number(r.id), utilityId: Number(r.utility_id), ticketId: Number(r.ticket_id), kind: r.kind, storedPath: r.stored_path }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Stores what the analysis measured (or that the pixels did not decode), once:
 * a photo already analysed is left alone. A ticket's first report photo sets
 * the ticket's blur flag (a damaged photo counts as blurred: the operator
 * phones the reporter). Returns false when there was nothing to record.
 */
export async function recordPhotoAnalysis(
  db: Runner,
  photo: PendingPhoto,
  result: { blurScore: number; exifLat: number | null; exifLon: number | null; exifTakenAt: Date | null } | { error: 'damaged' },
  blurred: boolean,
  at: Date,
): Promise<boolean> {
  const measured =
    'error' in result
      ? { blurScore: null, location: null, takenAt: null, error: result.error }
      : { blurScore: result.blurScore, location: result.exifLat !== null && result.exifLon !== null ? geographyPoint(db, result.exifLon, result.exifLat) : null, takenAt: result.exifTakenAt, error: null };
  const updated = await db('photos')
    .where({ id: photo.id })
    .whereNull('analysed_at')
    .update({ blur_score: measured.blurScore, exif_location: measured.location, exif_taken_at: measured.takenAt, analysis_error: measured.error, analysed_at: at, analysis_lease_until: null });
  if (!updated) return false;
  // The ticket's blur flag follows its first report photo (a literal of no state column: the tickets' one-writer rule holds).
  if (photo.kind === 'report') {
    await db('tickets')
      .where({ id: photo.ticketId })
      .whereNotExists(db('photos as q').where('q.ticket_id', photo.ticketId).andWhere('q.kind', 'report').andWhere('q.id', '<', photo.id).select(db.raw('1')))
      .update({ photo_blurred: blurred });
  }
  return true;
}

/** The ticket's report photos still pending analysis (the utility's tickets only). */
export async function pendingReportPhotoIds(db: Runner, utilityId: number, ticketId: number): Promise<number[]> {
  const rows: { id: string }[] = await db('photos').where({ utility_id: utilityId, ticket_id: ticketId, kind: 'report' }).whereNull('analysed_at').orderBy('id').select('id');
  return rows.map((r) => Number(r.id));
}
