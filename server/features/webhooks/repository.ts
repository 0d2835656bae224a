import type { Db, Runner } from '../../platform/db/knex.js';

/** The webhook outbox's SQL: registrations, deliveries (claimed with SKIP LOCKED) and the attempt log. */

export interface ClaimedDelivery {
  id: number;
  utility_id: number;
  event_type: string;
  payload: unknown;
  /** Attempts so far, counting the one being claimed. */
  attempts: number;
  url: string;
  secret: string;
  settings: unknown;
}

/**
 * Claims up to `limit` due deliveries (FOR UPDATE SKIP LOCKED) and, in the same
 * transaction, counts the attempt and moves each to the retry time
 * `retryAtOf(delivery)` gives, so a worker that dies mid-POST leaves it to be
 * retried then, and no two workers claim the same one.
 */
export async function claimDueDeliveries(
  db: Db,
  q: { now: Date; limit: number; utilityIds?: number[] },
  retryAtOf: (d: ClaimedDelivery) => Date,
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.raw(
      `SELECT d.id, d.utility_id, d.event_type, d.payload, d.attempts, w.url, w.secret, u.settings
         FROM webhook_deliveries d
         JOIN webhooks w ON w.id = d.webhook_id
         JOIN utilities u ON u.id = d.utility_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ? ${q.utilityIds ? 'AND d.utility_id = ANY(?::bigint[])' : ''}
        ORDER BY d.next_attempt_at, d.id
        LIMIT ?
        FOR UPDATE OF d SKIP LOCKED`,
      q.utilityIds ? [q.now, `{${q.utilityIds.join(',')}}`, q.limit] : [q.now, q.limit],
    );
    const claimed = rows as ClaimedDelivery[];
    for (const d of claimed) {
      d.attempts += 1;
      await tx('webhook_deliveries').where({ id: d.id }).update({ attempts: d.attempts, last_attempt_at: q.now, next_attempt_at: retryAtOf(d) });
    }
    return claimed;
  });
}

/** Logs one attempt and sets the delivery's state after it. */
export async function recordDeliveryAttempt(
  db: Runner,
  d: ClaimedDelivery,
  a: { at: Date; httpStatus: number | null; error: string | null; durationMs: number; status: 'delivered' | 'failed' | 'pending' },
): Promise<void> {
  await db('webhook_attempts').insert({
    utility_id: d.utility_id,
    delivery_id: d.id,
    attempt: d.attempts,
    at: a.at,
    http_status: a.httpStatus,
    error: a.error,
    duration_ms: a.durationMs,
  });
  await db('webhook_deliveries')
    .where({ id: d.id })
    .update({ status: a.status, last_status: a.httpStatus, last_error: a.error, delivered_at: a.status === 'delivered' ? a.at : null });
}

/** Registers (or re-activates with a new secret) a utility's webhook. */
export async function upsertWebhookRow(db: Runner, utilityId: number, url: string, secret: string): Promise<number> {
  const [row] = await db('webhooks')
    .insert({ utility_id: utilityId, url, secret, active: true })
    .onConflict(['utility_id', 'url'])
    .merge({ secret, active: true })
    .returning('id');
  return row.id;
}

/**
 * Writes one pending delivery of the event per active webhook of the utility
 * (the outbox, in the caller's transaction); returns how many.
 */
export async function insertDeliveriesForActiveWebhooks(
  db: Runner,
  d: { utilityId: number; escalationId: number; eventType: string; payload: unknown; at: Date },
): Promise<number> {
  const hooks = await db('webhooks').where({ utility_id: d.utilityId, active: true }).select('id');
  if (hooks.length === 0) return 0;
  await db('webhook_deliveries').insert(
    hooks.map((h) => ({
      utility_id: d.utilityId,
      webhook_id: h.id,
      escalation_id: d.escalationId,
      event_type: d.eventType,
      payload: JSON.stringify(d.payload),
      next_attempt_at: d.at,
      created_at: d.at,
    })),
  );
  return hooks.length;
}
