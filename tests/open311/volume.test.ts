import { describe, expect, it } from 'vitest';
import { insideArea, useTestServer } from '../support/db.js';
import { get } from './support.js';

const t = useTestServer();

describe('GET /open311/v2/requests.json response volume', () => {
  it('answers at most 1000 requests, the newest first (the spec\'s default limit)', async () => {
    // 1005 tickets, one a minute, written straight into the table (the intake path is tested elsewhere).
    await t.env.db.raw(
      `INSERT INTO tickets (utility_id, number, source, location, h3_cell, category, received_at, updated_at)
       SELECT ?, 'LK-2026-' || lpad(i::text, 6, '0'), 'call_centre', ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, '88000000000000f', 'visible_leak',
              ?::timestamptz - (1005 - i) * interval '1 minute', ?::timestamptz - (1005 - i) * interval '1 minute'
       FROM generate_series(1, 1005) AS i`,
      [t.env.utility.id, insideArea.lon, insideArea.lat, t.env.clock.now(), t.env.clock.now()],
    );
    const res = await get(t.server.baseUrl, `/requests.json?jurisdiction_id=${t.env.utility.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1000);
    expect(res.body[0].service_request_id).toBe('LK-2026-001005');
    expect(res.body[999].service_request_id).toBe('LK-2026-000006');
  });
});
