/** Planning test helpers: tickets with an SPK written straight into the test utility. */
import crypto from 'node:crypto';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import type { Category, Priority, TicketStatus } from '../../server/core/domain/tickets.js';
import { slaDueTimes } from '../../server/core/domain/settings.js';

export interface TicketSpec {
  lat: number;
  lon: number;
  priority?: Priority | null;
  category?: Category;
  status?: TicketStatus;
  receivedAt?: Date;
  areaId?: number | null;
  crewId?: number | null;
}

let sequence = 0;

export async function insertTickets(env: TestEnv, specs: TicketSpec[]): Promise<number[]> {
  if (specs.length === 0) return [];
  const rows = specs.map((s) => {
    const priority = s.priority === undefined ? 'normal' : s.priority;
    const status = s.status ?? 'spk_issued';
    const receivedAt = s.receivedAt ?? new Date(env.clock.now().getTime() - 3600_000);
    const due = priority ? slaDueTimes(env.utility.settings, priority, receivedAt) : null;
    sequence++;
    return {
      utility_id: env.utility.id,
      number: `LK-T-${crypto.randomBytes(3).toString('hex')}-${sequence}`,
      source: 'call_centre',
      location: env.db.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography', [s.lon, s.lat]),
      h3_cell: latLngToCell(s.lat, s.lon, env.utility.settings.h3Resolution),
      area_id: s.areaId ?? null,
      address: `Jl. Uji No. ${sequence}`,
      description: 'Pipa bocor (uji)',
      category: s.category ?? 'visible_leak',
      priority,
      status,
      crew_id: s.crewId ?? null,
      received_at: receivedAt,
      spk_issued_at: status === 'received' ? null : receivedAt,
      assigned_at: status === 'assigned' ? receivedAt : null,
      respond_due_at: due?.respondDueAt ?? null,
      resolve_due_at: due?.resolveDueAt ?? null,
      updated_at: receivedAt,
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await env.db('tickets').insert(rows.slice(i, i + 500)).returning('id');
    ids.push(...inserted.map((r: { id: number }) => r.id));
  }
  return ids;
}

/** A point in the test service area (a 4 km square), on a deterministic grid walk. */
export function pointInArea(i: number, spread = 1): { lat: number; lon: number } {
  const x = ((i * 7919) % 97) / 97;
  const y = ((i * 104729) % 89) / 89;
  return { lat: -5.165 + 0.03 * spread * y, lon: 119.405 + 0.03 * spread * x };
}

export async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; text: string; type: string | null }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, type: res.headers.get('content-type') };
}

/** Plans a day (a draft) and publishes it: the published plan, as the crews see it. */
export async function planAndPublish(baseUrl: string, token: string, body: { date: string; objective?: string }): Promise<{ status: number; body: any; draft: any }> {
  const draft = await api(baseUrl, token, 'POST', '/api/v1/plans', body);
  if (draft.status !== 201) return { status: draft.status, body: draft.body, draft: draft.body };
  const published = await api(baseUrl, token, 'POST', `/api/v1/plans/${draft.body.id}/publish`, {});
  return { status: published.status === 200 ? 201 : published.status, body: published.body?.plan ?? published.body, draft: draft.body };
}

export async function countRows(env: TestEnv, table: string): Promise<number> {
  const [{ count }] = await env.db(table).where({ utility_id: env.utility.id }).count<{ count: string }[]>({ count: '*' });
  return Number(count);
}

/** 07:00 WITA on 2026-11-24, the plan day of these tests. */
export const PLAN_MORNING = '2026-11-23T23:00:00Z';

/**
 * The frame of a planning HTTP test file: a fresh utility, the clock at the
 * plan day's morning, the real server and a dispatcher's token. Read the fields
 * inside tests.
 */
export function usePlanningServer(options: Parameters<typeof createTestEnv>[0]) {
  const t = {} as { env: TestEnv; server: { baseUrl: string; close(): Promise<void> }; dispatcher: string };
  beforeAll(async () => {
    t.env = await createTestEnv(options);
    t.env.clock.set(PLAN_MORNING);
    t.server = await startServer(t.env.ctx);
    t.dispatcher = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
  });
  afterAll(async () => {
    await t.server?.close();
    await t.env?.close();
  });
  return t;
}
