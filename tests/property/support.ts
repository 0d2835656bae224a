/**
 * Shared frame of the property tests (issue 11: no input reaches a 500, and a
 * refused request writes nothing). Runs are bounded and seeded: FC_SEED
 * replays a failing run (fast-check prints the seed and the counterexample).
 */
import fc from 'fast-check';
import { afterAll, beforeAll } from 'vitest';
import { createTestEnv, originalPhotoFiles, insideArea, loginAs, sharpPhoto, startServer, type TestEnv } from '../support/db.js';

export const SEED = Number(process.env.FC_SEED ?? 20261130);

export interface PropertyFrame {
  env: TestEnv;
  baseUrl: string;
  tokens: Record<'admin' | 'operator' | 'dispatcher' | 'kasie' | 'crew1', string>;
  ticketIds: number[];
  ticketNumbers: string[];
  photo: Buffer;
  openapi: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
}

/** A fresh utility, the real server (throttling off: these runs send far more than a phone may), a few tickets. */
export function usePropertyFrame(): PropertyFrame {
  const f = {} as PropertyFrame;
  let close: () => Promise<void>;
  beforeAll(async () => {
    f.env = await createTestEnv({ crews: 2 });
    f.env.ctx.config = { ...f.env.ctx.config, throttle: { ...f.env.ctx.config.throttle, enabled: false } };
    const server = await startServer(f.env.ctx);
    close = server.close;
    f.baseUrl = server.baseUrl;
    f.tokens = {
      admin: await loginAs(f.baseUrl, f.env.utility, 'admin'),
      operator: await loginAs(f.baseUrl, f.env.utility, 'operator'),
      dispatcher: await loginAs(f.baseUrl, f.env.utility, 'dispatcher'),
      kasie: await loginAs(f.baseUrl, f.env.utility, 'kasie'),
      crew1: await loginAs(f.baseUrl, f.env.utility, 'crew1'),
    };
    f.photo = await sharpPhoto(7);
    f.ticketIds = [];
    f.ticketNumbers = [];
    for (let i = 0; i < 3; i++) {
      const body = new FormData();
      for (const [k, v] of Object.entries({ jurisdiction_id: f.env.utility.code, lat: String(insideArea.lat + i * 0.001), lon: String(insideArea.lon), phone: `0812-0000-00${i}1`, category: 'visible_leak' })) body.set(k, v);
      body.set('photo', new Blob([new Uint8Array(await sharpPhoto(100 + i))], { type: 'image/jpeg' }), 'leak.jpg');
      const res = await fetch(`${f.baseUrl}/api/v1/reports`, { method: 'POST', body });
      if (res.status !== 201) throw new Error(`seeding a report failed: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { number: string };
      const row = await f.env.db('tickets').where({ utility_id: f.env.utility.id, number: json.number }).first('id');
      f.ticketIds.push(row.id);
      f.ticketNumbers.push(json.number);
    }
    f.openapi = (await (await fetch(`${f.baseUrl}/api/v1/openapi.json`)).json()) as PropertyFrame['openapi'];
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await f.env?.close();
  });
  return f;
}

/** What a refused request must leave as it was: tickets, their events, photo rows and photo files of this utility. */
export async function footprint(f: PropertyFrame): Promise<string> {
  const u = f.env.utility.id;
  const count = async (table: string, where: (q: any) => any) => Number((await where(f.env.db(table)).count({ n: '*' }))[0].n);
  const tickets = await count('tickets', (q) => q.where({ utility_id: u }));
  const events = await count('ticket_events', (q) => q.whereIn('ticket_id', f.env.db('tickets').select('id').where({ utility_id: u })));
  const photos = await count('photos', (q) => q.where({ utility_id: u }));
  const states = await f.env.db('tickets').where({ utility_id: u }).orderBy('id').select('id', 'status', 'priority', 'crew_id');
  const files = originalPhotoFiles(f.env).size;
  return JSON.stringify({ tickets, events, photos, files, states });
}

/** Hostile text: NUL, lone surrogates, huge, numeric-looking, date-looking, markup, SQL, percent signs. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '💧🚰',
    'x'.repeat(5000),
    '-1',
    '0',
    '1e309',
    '-1e309',
    'NaN',
    'Infinity',
    '9007199254740993',
    '99999999999999999999',
    '3.5',
    '2026-02-30',
    '2026-13-01',
    '9999-12-31',
    '0000-01-01',
    '2026-11-23T25:61:00Z',
    '2026-11',
    '2026',
    '-180,-90,180,90',
    '1,2,3',
    'true',
    'null',
    '[]',
    '{}',
    "'; DROP TABLE tickets; --",
    '<script>alert(1)</script>',
    '%',
    '%00',
    '%E0%A4%A',
    '../../etc/passwd',
    'received,assigned',
    'critical',
    '+6281234567890',
  ),
);

/** Any JSON value, nested a little, with the nasty strings among the leaves. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyText, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A query-string value as a client might send it: usually encoded, sometimes raw (bad escapes included). */
export function encodeLoosely(value: string, raw: boolean): string | null {
  if (raw) return /[\s#&?]/.test(value) ? null : value;
  try {
    return encodeURIComponent(value);
  } catch {
    return null; // a lone surrogate cannot be encoded by a client either
  }
}

export function fcOptions<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns, seed: SEED, endOnFailure: true };
}
