import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Schemas } from '../api.js';

/** What the crew's phone keeps between visits (IndexedDB): the day's route, its tickets, the actions not yet sent. */
export type CrewAction = 'arrive' | 'fix' | 'escalate';

export interface QueuedAction {
  /** The Idempotency-Key sent with every try, so a retry after a lost answer changes nothing twice. */
  key: string;
  /** Order of the taps (ms since epoch, then a counter): sent in this order. */
  seq: number;
  ticketId: number;
  number: string;
  action: CrewAction;
  note?: string;
  photo?: Blob;
  queuedAt: string;
  /** waiting: not sent yet; conflict: the server refused it (kept, with the reason, until the crew dismisses it). */
  state: 'waiting' | 'conflict';
  /** The refusal, as an i18n key and the server's code. */
  conflict?: { code: string; status: number; message: string };
}

export interface SavedRoute {
  id: string;
  savedAt: string;
  view: Schemas['CrewRoute'];
}

export interface SavedTicket {
  ticketId: number;
  savedAt: string;
  ticket: Schemas['Ticket'];
}

interface CrewDb extends DBSchema {
  outbox: { key: string; value: QueuedAction; indexes: { seq: number } };
  routes: { key: string; value: SavedRoute };
  tickets: { key: number; value: SavedTicket };
}

let opened: Promise<IDBPDatabase<CrewDb>> | null = null;

export function crewDb(): Promise<IDBPDatabase<CrewDb>> {
  opened ??= openDB<CrewDb>('tirta-crew', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('seq', 'seq');
      db.createObjectStore('routes', { keyPath: 'id' });
      db.createObjectStore('tickets', { keyPath: 'ticketId' });
    },
  });
  return opened;
}

export const routeKeyOf = (crewId: number, date: string) => `${crewId}:${date}`;
