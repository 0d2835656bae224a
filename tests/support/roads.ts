/** Helpers of the tests that plan on a road network (the Balikpapan demo, fixtures/balikpapan.ts). */
import type { Db } from '../../server/platform/db/knex.js';
import { DEMO_PASSWORD } from '../../server/features/auth/service.js';

/** The largest distance, metres, from any of the [lon, lat] points to the nearest edge of the utility's road network. */
export async function farthestFromNetwork(db: Db, utilityId: number, points: readonly [number, number][]): Promise<number> {
  const { rows } = await db.raw(
    `SELECT max((SELECT ST_Distance(e.geom::geography, p.g::geography) FROM road_edges e WHERE e.utility_id = ? ORDER BY e.geom <-> p.g LIMIT 1)) AS d
       FROM (SELECT ST_SetSRID(ST_MakePoint((c->>0)::float8, (c->>1)::float8), 4326) AS g FROM jsonb_array_elements(?::jsonb) c) p`,
    [utilityId, JSON.stringify(points)],
  );
  return Number(rows[0].d);
}

/** A bearer token of a demo account (password tirta-demo) of the utility with this code. */
export async function demoToken(baseUrl: string, code: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, jurisdiction_id: code }) });
  if (res.status !== 200) throw new Error(`login of ${username} at ${code}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
