import { api, ApiError } from '../api.js';
import { crewDb, type CrewAction, type QueuedAction } from './store.js';

/**
 * The crew's actions go through this queue whether or not there is a network:
 * each tap is stored first (with its photo) and sent in order when the phone
 * is online, with an Idempotency-Key, so a retry after a lost answer is
 * answered from the first try. A refusal (the stop went to another crew, its
 * state changed meanwhile) stays in the queue as a conflict for the crew to
 * read and dismiss; a network failure leaves the rest waiting for the next try.
 */
const listeners = new Set<() => void>();
let counter = 0;
let running: Promise<void> | null = null;

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

export async function queuedActions(): Promise<QueuedAction[]> {
  return (await crewDb()).getAllFromIndex('outbox', 'seq');
}

/** A UUID v4; crypto.randomUUID exists only in secure contexts (a plain-http LAN install is not one). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function enqueue(ticketId: number, number: string, action: CrewAction, extra: { note?: string; photo?: Blob } = {}): Promise<QueuedAction> {
  const item: QueuedAction = {
    key: newKey(),
    seq: Date.now() * 1000 + (counter++ % 1000),
    ticketId,
    number,
    action,
    ...extra,
    queuedAt: new Date().toISOString(),
    state: 'waiting',
  };
  await (await crewDb()).put('outbox', item);
  changed();
  return item;
}

export async function dismiss(key: string): Promise<void> {
  await (await crewDb()).delete('outbox', key);
  changed();
}

/** A refusal that sending again cannot cure (unlike a dropped network or a server restarting). */
function isFinal(err: unknown): err is ApiError {
  if (!(err instanceof ApiError)) return false;
  if (err.status === 401 || err.status === 429 || err.status >= 500) return false;
  return !(err.status === 409 && err.details.inProgress);
}

async function send(item: QueuedAction) {
  const request = { path: { id: item.ticketId }, headers: { 'Idempotency-Key': item.key } };
  if (item.action === 'arrive') return api.post('/api/v1/tickets/{id}/arrive', { ...request, body: { note: item.note } });
  if (item.action === 'escalate') return api.post('/api/v1/tickets/{id}/escalate', { ...request, body: { note: item.note ?? '' } });
  const form = new FormData();
  if (item.photo) form.set('photo', item.photo, 'perbaikan.jpg');
  if (item.note) form.set('note', item.note);
  return api.post('/api/v1/tickets/{id}/fix', { ...request, body: form as never });
}

export type SentTicket = Awaited<ReturnType<typeof send>>;
const sentListeners = new Set<(item: QueuedAction, ticket: SentTicket) => void>();

/** Called with each action the server accepted and the ticket as it now is. */
export function onSent(listener: (item: QueuedAction, ticket: SentTicket) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** One pass: sends what waits, oldest first; stops at the first failure that a later try may cure (false). */
async function sendWaiting(): Promise<boolean> {
  const db = await crewDb();
  for (const item of await queuedActions()) {
    if (item.state !== 'waiting') continue;
    // A ticket whose earlier action was refused: its later ones wait for the crew to read the conflict.
    const now = await queuedActions();
    if (!now.some((e) => e.key === item.key)) continue;
    if (now.some((e) => e.ticketId === item.ticketId && e.state === 'conflict' && e.seq < item.seq)) continue;
    try {
      const ticket = await send(item);
      await db.delete('outbox', item.key);
      sentListeners.forEach((l) => l(item, ticket));
    } catch (err) {
      if (!isFinal(err)) return false;
      await db.put('outbox', { ...item, state: 'conflict', conflict: { code: err.code, status: err.status, message: err.message } });
    }
    changed();
  }
  return true;
}

let again = false;

/** Sends the queue; a call while a pass runs makes one more pass after it (for what was tapped meanwhile). */
export function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        if (!(await sendWaiting())) break;
      } while (again);
    } finally {
      running = null;
      changed();
    }
  })();
  return running;
}
