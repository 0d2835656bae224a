import type { Knex } from 'knex';
import type { Db, Runner, Tx } from '../../platform/db/knex.js';
import type { Channel, Language, MessageText, OutboundChannel } from '../../core/domain/messages.js';
import type { Role } from '../../core/domain/tickets.js';

/** The notification outbox's SQL (sql/0020_notifications.sql). */

export interface NewNotificationEvent {
  utilityId: number;
  ticketId?: number | null;
  incidentId?: number | null;
  kind: string;
  audience: 'reporter' | 'staff';
  role?: Role | null;
  userId?: number | null;
  level?: number;
  urgent?: boolean;
  /** Set when the cause may be seen twice: a second event with the same key is not written. */
  sourceKey?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** Writes events in one statement (ON CONFLICT on the source key: nothing); returns how many were new. */
export async function insertEvents(db: Runner, events: readonly NewNotificationEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const { rows } = await db.raw(
    `INSERT INTO notification_events (utility_id, ticket_id, incident_id, kind, audience, role, user_id, level, urgent, source_key, data, created_at)
     SELECT utility_id, ticket_id, incident_id, kind, audience, role, user_id, level, urgent, source_key, data::jsonb, created_at
       FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::staff_role[], ?::bigint[], ?::smallint[], ?::boolean[], ?::text[], ?::text[], ?::timestamptz[])
         AS v(utility_id, ticket_id, incident_id, kind, audience, role, user_id, level, urgent, source_key, data, created_at)
     ON CONFLICT (utility_id, source_key) DO NOTHING
     RETURNING id`,
    [
      events.map((e) => e.utilityId),
      events.map((e) => e.ticketId ?? null),
      events.map((e) => e.incidentId ?? null),
      events.map((e) => e.kind),
      events.map((e) => e.audience),
      events.map((e) => e.role ?? null),
      events.map((e) => e.userId ?? null),
      events.map((e) => e.level ?? 0),
      events.map((e) => e.urgent ?? false),
      events.map((e) => e.sourceKey ?? null),
      events.map((e) => JSON.stringify(e.data ?? {})),
      events.map((e) => e.at),
    ] as Knex.RawBinding[],
  );
  return rows.length;
}

export interface PendingEvent {
  id: number;
  utilityId: number;
  ticketId: number | null;
  incidentId: number | null;
  kind: string;
  audience: 'reporter' | 'staff';
  role: Role | null;
  userId: number | null;
  level: number;
  urgent: boolean;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Locks up to `limit` events of the utility not fanned out yet (another worker's are skipped). */
export async function claimPendingEvents(tx: Tx, utilityId: number, limit: number): Promise<PendingEvent[]> {
  const rows = await tx('notification_events').where({ utility_id: utilityId }).whereNull('fanned_out_at').orderBy('id').limit(limit).forUpdate().skipLocked().select('*');
  return rows.map((r) => ({
    id: r.id,
    utilityId: r.utility_id,
    ticketId: r.ticket_id,
    incidentId: r.incident_id,
    kind: r.kind,
    audience: r.audience,
    role: r.role,
    userId: r.user_id,
    level: r.level,
    urgent: r.urgent,
    data: r.data,
    createdAt: r.created_at,
  }));
}

export async function markFannedOut(tx: Tx, ids: number[], at: Date): Promise<void> {
  if (ids.length) await tx('notification_events').whereIn('id', ids).update({ fanned_out_at: at });
}

/** What a reporter message says about its ticket and whom it reaches. */
export interface ReporterFacts {
  ticketId: number;
  number: string;
  status: string;
  resolveDueAt: Date | null;
  rejectReason: string | null;
  reporterId: number | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  preferredChannel: OutboundChannel | null;
  language: Language;
  optedOut: boolean;
  incident: { title: string; status: string; messageId: string; messageEn: string | null; estimatedRestoreAt: Date | null } | null;
  parentNumber: string | null;
}

export async function reporterFacts(db: Runner, ticketId: number): Promise<ReporterFacts | null> {
  const r = await db('tickets as t')
    .leftJoin('reporters as r', 'r.id', 't.reporter_id')
    .leftJoin('incidents as i', 'i.id', 't.incident_id')
    .leftJoin('tickets as p', 'p.id', 't.parent_ticket_id')
    .where('t.id', ticketId)
    .first(
      't.id', 't.number', 't.status', 't.resolve_due_at', 't.reject_reason', 't.reporter_id',
      'r.name', 'r.phone', 'r.email', 'r.preferred_channel', 'r.language', 'r.opted_out_at',
      'i.title as i_title', 'i.status as i_status', 'i.message_id as i_message_id', 'i.message_en as i_message_en', 'i.estimated_restore_at as i_estimate',
      'p.number as parent_number',
    );
  if (!r) return null;
  return {
    ticketId: r.id,
    number: r.number,
    status: r.status,
    resolveDueAt: r.resolve_due_at,
    rejectReason: r.reject_reason,
    reporterId: r.reporter_id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    preferredChannel: r.preferred_channel,
    language: r.language ?? 'id',
    optedOut: r.opted_out_at !== null && r.opted_out_at !== undefined,
    incident: r.i_title ? { title: r.i_title, status: r.i_status, messageId: r.i_message_id, messageEn: r.i_message_en, estimatedRestoreAt: r.i_estimate } : null,
    parentNumber: r.parent_number,
  };
}

/** The tickets attached to an incident (their reporters hear its progress). */
export async function incidentTicketIds(db: Runner, incidentId: number): Promise<number[]> {
  return (await db('tickets').where({ incident_id: incidentId }).orderBy('id').select('id')).map((r) => r.id as number);
}

export async function incidentFacts(db: Runner, incidentId: number) {
  return db('incidents').where({ id: incidentId }).first('id', 'title', 'status', 'message_id', 'message_en', 'estimated_restore_at');
}

/** What a staff message says about its ticket. */
export async function ticketSummary(db: Runner, ticketId: number): Promise<{ number: string; priority: string | null; crewId: number | null } | null> {
  const r = await db('tickets').where({ id: ticketId }).first('number', 'priority', 'crew_id');
  return r ? { number: r.number, priority: r.priority, crewId: r.crew_id } : null;
}

export interface StaffRecipient {
  id: number;
  email: string | null;
}

/** The active staff an event reaches: a role's holders, one person, or a crew's members. */
export async function staffRecipients(db: Runner, utilityId: number, q: { role?: Role | null; userId?: number | null; crewId?: number | null }): Promise<StaffRecipient[]> {
  const rows = await db('staff_users')
    .where({ utility_id: utilityId, active: true })
    .where((w) => {
      if (q.role) w.orWhere({ role: q.role });
      if (q.userId) w.orWhere({ id: q.userId });
      if (q.crewId) w.orWhere({ role: 'crew', crew_id: q.crewId });
    })
    .orderBy('id')
    .select('id', 'email');
  return rows.map((r) => ({ id: r.id, email: r.email }));
}

export async function templateOverrides(db: Runner, utilityId: number): Promise<{ kind: string; lang: Language; subject: string; body: string; updatedAt: Date }[]> {
  const rows = await db('notification_templates').where({ utility_id: utilityId }).orderBy(['kind', 'lang']).select('*');
  return rows.map((r) => ({ kind: r.kind, lang: r.lang, subject: r.subject, body: r.body, updatedAt: r.updated_at }));
}

export async function upsertTemplate(db: Runner, t: { utilityId: number; kind: string; lang: Language; text: MessageText; userId: number; at: Date }): Promise<void> {
  await db('notification_templates')
    .insert({ utility_id: t.utilityId, kind: t.kind, lang: t.lang, subject: t.text.subject, body: t.text.body, updated_by: t.userId, updated_at: t.at })
    .onConflict(['utility_id', 'kind', 'lang'])
    .merge(['subject', 'body', 'updated_by', 'updated_at']);
}

export async function deleteTemplate(db: Runner, utilityId: number, kind: string, lang: Language): Promise<number> {
  return db('notification_templates').where({ utility_id: utilityId, kind, lang }).delete();
}

export interface ChannelRow {
  channel: OutboundChannel;
  provider: 'smtp' | 'whatsapp_cloud' | 'http_gateway';
  config: Record<string, unknown>;
  active: boolean;
  updatedAt: Date;
}

export async function channelRows(db: Runner, utilityId: number): Promise<ChannelRow[]> {
  const rows = await db('notification_channels').where({ utility_id: utilityId }).orderBy('channel').select('*');
  return rows.map((r) => ({ channel: r.channel, provider: r.provider, config: r.config, active: r.active, updatedAt: r.updated_at }));
}

export async function upsertChannel(db: Runner, utilityId: number, c: Omit<ChannelRow, 'updatedAt'>, at: Date): Promise<void> {
  await db('notification_channels')
    .insert({ utility_id: utilityId, channel: c.channel, provider: c.provider, config: JSON.stringify(c.config), active: c.active, updated_at: at })
    .onConflict(['utility_id', 'channel'])
    .merge(['provider', 'config', 'active', 'updated_at']);
}

export async function deleteChannel(db: Runner, utilityId: number, channel: OutboundChannel): Promise<number> {
  return db('notification_channels').where({ utility_id: utilityId, channel }).delete();
}

export interface NewDelivery {
  utilityId: number;
  eventId: number;
  channel: Channel;
  recipient: string;
  userId: number | null;
  reporterId: number | null;
  lang: Language;
  subject: string;
  body: string;
  /** The other language's text, kept beside (the inbox's English). */
  alt?: MessageText | null;
  digest: 'hourly' | 'daily' | null;
  /** WhatsApp: the template's body parameters (the text's placeholder values in order). */
  templateParams?: string[] | null;
  nextAttemptAt: Date;
  createdAt: Date;
}

/** Inserts deliveries; one that exists for the same event, channel and recipient is not written again. */
export async function insertDeliveries(db: Runner, rows: readonly NewDelivery[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db('notification_deliveries')
    .insert(
      rows.map((d) => ({
        utility_id: d.utilityId,
        event_id: d.eventId,
        channel: d.channel,
        recipient: d.recipient,
        user_id: d.userId,
        reporter_id: d.reporterId,
        lang: d.lang,
        subject: d.subject,
        body: d.body,
        alt_text: d.alt ? JSON.stringify(d.alt) : null,
        digest: d.digest,
        template_params: d.templateParams ? JSON.stringify(d.templateParams) : null,
        next_attempt_at: d.nextAttemptAt,
        created_at: d.createdAt,
      })),
    )
    .onConflict(['event_id', 'channel', 'recipient'])
    .ignore()
    .returning('id');
  return inserted.length;
}

export interface ClaimedDelivery {
  id: number;
  utilityId: number;
  eventId: number;
  channel: Channel;
  recipient: string;
  userId: number | null;
  lang: Language;
  subject: string | null;
  body: string;
  alt: MessageText | null;
  digest: 'hourly' | 'daily' | null;
  templateParams: string[] | null;
  attempts: number;
  ticketId: number | null;
  kind: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

const claimedOf = (r: Record<string, unknown>): ClaimedDelivery => ({
  id: r.id as number,
  utilityId: r.utility_id as number,
  eventId: r.event_id as number,
  channel: r.channel as Channel,
  recipient: r.recipient as string,
  userId: r.user_id as number | null,
  lang: r.lang as Language,
  subject: r.subject as string | null,
  body: r.body as string,
  alt: (r.alt_text as MessageText | null) ?? null,
  digest: r.digest as 'hourly' | 'daily' | null,
  templateParams: (r.template_params as string[] | null) ?? null,
  attempts: r.attempts as number,
  ticketId: r.ticket_id as number | null,
  kind: r.kind as string,
  data: r.data as Record<string, unknown>,
  createdAt: r.created_at as Date,
});

/** The utilities with a delivery due now (pending, not held by a live lease). */
export async function utilitiesWithDueDeliveries(db: Runner, now: Date, among?: readonly number[]): Promise<number[]> {
  const { rows } = await db.raw(
    `SELECT DISTINCT utility_id FROM notification_deliveries
      WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
        ${among ? 'AND utility_id = ANY(?::bigint[])' : ''}
      ORDER BY utility_id`,
    [now, now, ...(among ? [among] : [])] as Knex.RawBinding[],
  );
  return rows.map((r: { utility_id: number }) => Number(r.utility_id));
}

/**
 * Leases up to `limit` of the utility's due single deliveries (digests: see
 * leaseDueDigests) until `leaseUntil`: a committed UPDATE of rows picked FOR
 * UPDATE SKIP LOCKED, so a second worker neither waits nor takes them, and a
 * worker that dies mid-send lets them go when the lease ends. Counts the attempt.
 */
export async function leaseDueDeliveries(db: Runner, q: { now: Date; leaseUntil: Date; limit: number; utilityId: number }): Promise<ClaimedDelivery[]> {
  const { rows } = await db.raw(
    `WITH due AS (
       SELECT id FROM notification_deliveries
        WHERE status = 'pending' AND digest IS NULL AND utility_id = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
        ORDER BY next_attempt_at, id
        LIMIT ?
        FOR UPDATE SKIP LOCKED)
     UPDATE notification_deliveries d SET lease_until = ?, attempts = d.attempts + 1
       FROM due, notification_events e
      WHERE d.id = due.id AND e.id = d.event_id
     RETURNING d.*, e.ticket_id, e.kind, e.data`,
    [q.utilityId, q.now, q.now, q.limit, q.leaseUntil] as Knex.RawBinding[],
  );
  return rows.map(claimedOf).sort((a: ClaimedDelivery, b: ClaimedDelivery) => a.id - b.id);
}

/**
 * Leases whole digests: for up to `groups` recipients (channel, recipient,
 * digest mode) with due rows, every due row of that recipient at once, or
 * none. A digest key is taken under a transaction-level advisory lock tried
 * without waiting, and its rows leased before the lock is let go; a second
 * worker either skips the key or finds its rows leased. So a digest is built
 * exactly once per recipient and period, however many workers run.
 */
export async function leaseDueDigests(db: Db, q: { now: Date; leaseUntil: Date; groups: number; utilityId: number }): Promise<ClaimedDelivery[][]> {
  return db.transaction(async (tx) => {
    const { rows: keys } = await tx.raw(
      `SELECT DISTINCT channel, recipient, digest FROM notification_deliveries
        WHERE status = 'pending' AND digest IS NOT NULL AND utility_id = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
        ORDER BY recipient, channel, digest
        LIMIT ?`,
      [q.utilityId, q.now, q.now, q.groups],
    );
    const out: ClaimedDelivery[][] = [];
    for (const k of keys as { channel: Channel; recipient: string; digest: string }[]) {
      const { rows: lock } = await tx.raw('SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS ok', [`digest:${q.utilityId}:${k.channel}:${k.recipient}:${k.digest}`]);
      if (!lock[0].ok) continue;
      const { rows } = await tx.raw(
        `UPDATE notification_deliveries d SET lease_until = ?, attempts = d.attempts + 1
           FROM notification_events e
          WHERE e.id = d.event_id AND d.utility_id = ? AND d.channel = ? AND d.recipient = ? AND d.digest = ?
            AND d.status = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
         RETURNING d.*, e.ticket_id, e.kind, e.data`,
        [q.leaseUntil, q.utilityId, k.channel, k.recipient, k.digest, q.now, q.now] as Knex.RawBinding[],
      );
      if (rows.length) out.push(rows.map(claimedOf).sort((a: ClaimedDelivery, b: ClaimedDelivery) => a.id - b.id));
    }
    return out;
  });
}

/** Takes a one-time code out of its event once the message is sent (or given up): only its hash stays, in phone_verifications. */
export async function redactEventSecret(db: Runner, eventId: number): Promise<void> {
  await db.raw(`UPDATE notification_events SET data = data - 'code' WHERE id = ?`, [eventId]);
}

/** When the reporter with this phone last wrote to the utility (null: never, or unknown). */
export async function lastInboundAt(db: Runner, utilityId: number, phone: string): Promise<Date | null> {
  const r = await db('reporters').where({ utility_id: utilityId, phone }).first('last_inbound_at');
  return r?.last_inbound_at ?? null;
}

export interface AttemptOutcome {
  deliveryId: number;
  utilityId: number;
  attempt: number;
  at: Date;
  ok: boolean;
  error: string | null;
  providerRef: string | null;
  durationMs: number;
  /** pending (retry at nextAttemptAt), delivered, failed (given up) or skipped (nothing to send it with). */
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  nextAttemptAt: Date | null;
}

/** Logs the attempt and settles the delivery (only while this worker's attempt is the latest). */
export async function recordAttempt(db: Runner, o: AttemptOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    await tx('notification_attempts')
      .insert({ utility_id: o.utilityId, delivery_id: o.deliveryId, attempt: o.attempt, at: o.at, ok: o.ok, error: o.error, provider_ref: o.providerRef, duration_ms: o.durationMs })
      .onConflict(['delivery_id', 'attempt'])
      .ignore();
    const set: Record<string, unknown> = { status: o.status, lease_until: null, last_error: o.error };
    if (o.ok) {
      set.delivered_at = o.at;
      set.provider_ref = o.providerRef;
    }
    if (o.nextAttemptAt) set.next_attempt_at = o.nextAttemptAt;
    await tx('notification_deliveries').where({ id: o.deliveryId, attempts: o.attempt }).whereNot('status', 'delivered').update(set);
  });
}

/** Writes an inbox item for a delivery on the inbox channel (once per delivery). */
export async function insertInboxItem(
  db: Runner,
  n: { utilityId: number; userId: number; deliveryId: number; escalationId: number | null; ticketId: number | null; kind: string; title: string; body: string; data: unknown; at: Date },
): Promise<void> {
  await db('notifications')
    .insert({ utility_id: n.utilityId, user_id: n.userId, delivery_id: n.deliveryId, escalation_id: n.escalationId, ticket_id: n.ticketId, kind: n.kind, title: n.title, body: n.body, data: JSON.stringify(n.data), created_at: n.at })
    .onConflict('delivery_id')
    .ignore();
}

export interface DeliveryListing {
  id: number;
  eventId: number;
  kind: string;
  ticketNumber: string | null;
  channel: Channel;
  recipient: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export async function listDeliveries(db: Runner, utilityId: number, q: { status?: string; limit: number; offset: number }): Promise<{ total: number; items: DeliveryListing[] }> {
  const base = db('notification_deliveries as d').where('d.utility_id', utilityId);
  if (q.status) base.where('d.status', q.status);
  const [{ count }] = await base.clone().count<{ count: string }[]>({ count: '*' });
  const rows = await base
    .clone()
    .join('notification_events as e', 'e.id', 'd.event_id')
    .leftJoin('tickets as t', 't.id', 'e.ticket_id')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .select('d.*', 'e.kind', 't.number as ticket_number');
  return {
    total: Number(count),
    items: rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      kind: r.kind,
      ticketNumber: r.ticket_number,
      channel: r.channel,
      recipient: r.recipient,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      lastError: r.last_error,
      createdAt: r.created_at,
    })),
  };
}

export async function deliveryAttempts(db: Runner, utilityId: number, deliveryId: number) {
  return db('notification_attempts').where({ utility_id: utilityId, delivery_id: deliveryId }).orderBy('attempt').select('attempt', 'at', 'ok', 'error', 'provider_ref', 'duration_ms');
}

/** Puts a failed delivery back in the queue, due now; false when it is not a failed one of the utility. */
export async function requeueFailed(db: Runner, utilityId: number, id: number, at: Date): Promise<boolean> {
  return (await db('notification_deliveries').where({ utility_id: utilityId, id, status: 'failed' }).update({ status: 'pending', next_attempt_at: at, lease_until: null })) > 0;
}

/** Counts per status, for the admin's summary. */
export async function deliveryCounts(db: Runner, utilityId: number): Promise<Record<string, number>> {
  const rows = await db('notification_deliveries').where({ utility_id: utilityId }).groupBy('status').select('status', db.raw('count(*)::int AS n'));
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A reporter's opt-out (a reply keyword) from a phone number; the number of reporters changed. */
export async function optOutPhone(db: Runner, utilityId: number, phone: string, at: Date): Promise<number> {
  return db('reporters').where({ utility_id: utilityId, phone }).whereNull('opted_out_at').update({ opted_out_at: at });
}

/** The reporter asked to hear again (START, MULAI); the number of reporters changed. */
export async function optInPhone(db: Runner, utilityId: number, phone: string): Promise<number> {
  return db('reporters').where({ utility_id: utilityId, phone }).whereNotNull('opted_out_at').update({ opted_out_at: null });
}

/** A message from the reporter arrived: it opens WhatsApp's 24-hour window. Never moves the time back (a late webhook). */
export async function recordInbound(db: Runner, utilityId: number, phone: string, at: Date): Promise<number> {
  return db('reporters')
    .where({ utility_id: utilityId, phone })
    .update({ last_inbound_at: db.raw('GREATEST(last_inbound_at, ?::timestamptz)', [at]) });
}

/**
 * Time to first reply per channel (seed 004: reply to the citizen within 2 h):
 * for each report received in [from, to) with a reporter, the first message
 * delivered to them; grouped by the channel it went on ('none': no reply yet).
 */
export async function firstReplyByChannel(db: Runner, utilityId: number, from: Date, to: Date, standardMinutes: number) {
  const { rows } = await db.raw(
    `SELECT COALESCE(f.channel::text, 'none') AS channel,
            count(*)::int AS tickets,
            (count(*) FILTER (WHERE f.first_at <= f.received_at + ? * interval '1 minute'))::int AS within_standard,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_at - f.received_at)) AS median_seconds,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_at - f.received_at)) AS p90_seconds
       FROM (
         SELECT t.id, t.received_at, r.channel, r.delivered_at AS first_at
           FROM tickets t
           LEFT JOIN LATERAL (
             SELECT d.channel, d.delivered_at
               FROM notification_events e JOIN notification_deliveries d ON d.event_id = e.id
              WHERE e.ticket_id = t.id AND e.audience = 'reporter' AND d.status = 'delivered'
              ORDER BY d.delivered_at LIMIT 1) r ON true
          WHERE t.utility_id = ? AND t.reporter_id IS NOT NULL AND t.received_at >= ? AND t.received_at < ?
       ) f
      GROUP BY 1 ORDER BY 1`,
    [standardMinutes, utilityId, from, to],
  );
  return rows as { channel: string; tickets: number; within_standard: number; median_seconds: number | null; p90_seconds: number | null }[];
}
