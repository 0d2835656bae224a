import type { Runner } from '../../platform/db/knex.js';

/** The in-app inbox the escalation scan writes to: one row per recipient. */
export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  ticket: { id: number; number: string } | null;
  escalation: { id: number; kind: string; level: number; role: string; dueAt: string; metAt: string | null } | null;
  /** The message in both languages (items from the notification outbox); null for older items (title/body only). */
  text: { id: { subject: string; body: string }; en: { subject: string; body: string } | null } | null;
  /** A digest's tickets. */
  items: { ticketId: number; number: string }[] | null;
  createdAt: string;
  readAt: string | null;
}

function select(db: Runner) {
  return db('notifications as n')
    .leftJoin('tickets as t', 't.id', 'n.ticket_id')
    .leftJoin('escalations as e', 'e.id', 'n.escalation_id')
    .select('n.*', 't.number as ticket_number', 'e.kind as e_kind', 'e.level as e_level', 'e.role as e_role', 'e.due_at as e_due_at', 'e.met_at as e_met_at');
}

/** A notifications row joined with its ticket number and escalation (the select below). */
interface InboxRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  ticket_id: number | null;
  ticket_number: string;
  escalation_id: number | null;
  e_kind: string;
  e_level: number;
  e_role: string;
  e_due_at: Date;
  e_met_at: Date | null;
  created_at: Date;
  read_at: Date | null;
  data: { text?: InboxItem['text']; items?: { ticketId: number; number: string }[] } | null;
}

const toItem = (r: InboxRow): InboxItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  ticket: r.ticket_id ? { id: r.ticket_id, number: r.ticket_number } : null,
  escalation: r.escalation_id
    ? { id: r.escalation_id, kind: r.e_kind, level: r.e_level, role: r.e_role, dueAt: r.e_due_at.toISOString(), metAt: r.e_met_at?.toISOString() ?? null }
    : null,
  text: r.data?.text ?? null,
  items: r.data?.items ? r.data.items.map((i) => ({ ticketId: i.ticketId, number: i.number })) : null,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

export async function listInbox(db: Runner, userId: number, q: { unread: boolean; limit: number; offset: number }) {
  const base = db('notifications').where({ user_id: userId });
  const [{ total, unread }] = await base
    .clone()
    .select(db.raw('count(*)::int AS total'), db.raw('(count(*) FILTER (WHERE read_at IS NULL))::int AS unread'));
  let rows = select(db).where('n.user_id', userId);
  if (q.unread) rows = rows.whereNull('n.read_at');
  const items = (await rows.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(q.limit).offset(q.offset)).map(toItem);
  return { total, unread, items };
}

/** Marks the user's notification read (first read wins); null when it is not theirs. */
export async function markRead(db: Runner, userId: number, id: number, at: Date): Promise<InboxItem | null> {
  const updated = await db('notifications').where({ id, user_id: userId }).update({ read_at: db.raw('COALESCE(read_at, ?)', [at]) });
  if (!updated) return null;
  const row = await select(db).where('n.id', id).first();
  return toItem(row);
}

export interface NewNotification {
  utilityId: number;
  userId: number;
  /** null: not about an escalation (a crew's day changed by a published plan). */
  escalationId: number | null;
  ticketId: number | null;
  kind: string;
  title: string;
  body: string;
  data: unknown;
  createdAt: Date;
}

/** Writes inbox rows (one per recipient); the one writer of the inbox (the plans slice tells crews through it). */
export async function insertNotifications(db: Runner, notes: NewNotification[]): Promise<number> {
  if (notes.length === 0) return 0;
  await db('notifications').insert(
    notes.map((n) => ({
      utility_id: n.utilityId,
      user_id: n.userId,
      escalation_id: n.escalationId,
      ticket_id: n.ticketId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      data: JSON.stringify(n.data),
      created_at: n.createdAt,
    })),
  );
  return notes.length;
}
