/**
 * The roads settings (roads.speedsKmh, roads.snapLimitMetres) through
 * PATCH /api/v1/settings: checked, and in force at the next import / matrix.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callAs, useTestServer } from '../../support/db.js';
import { importRoadNetwork, roadMatrix } from '../../../server/features/roads/service.js';

const t = useTestServer({ crews: 0 });
const town = path.resolve(import.meta.dirname, 'fixtures/small-town.osm');
const nodeOne = { lat: -1.25, lon: 116.8 };
const nodeTwo = { lat: -1.25, lon: 116.8009 };
/** 150 m north of node 1: beyond a 100 m limit, within the default 300 m. */
const north = { lat: -1.24865, lon: 116.8 };

describe('roads settings', () => {
  it('refuses an unknown highway class spelling, a negative speed and a limit out of range, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ roads: { speedsKmh: { 'Residential Street': 20 } } }, 'roads.speedsKmh'],
      [{ roads: { speedsKmh: { residential: -5 } } }, 'roads.speedsKmh.residential'],
      [{ roads: { snapLimitMetres: 1 } }, 'roads.snapLimitMetres'],
      [{ roads: { snapKm: 1 } }, 'roads'],
    ];
    for (const [body, field] of cases) {
      const r = await callAs(t.server.baseUrl, t.env.utility, 'admin', 'PATCH', '/api/v1/settings', body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.field).toContain(field);
    }
    const after = await callAs(t.server.baseUrl, t.env.utility, 'admin', 'GET', '/api/v1/settings');
    expect(after.body.overrides.roads).toBeUndefined();
    expect(after.body.settings.roads.snapLimitMetres).toBe(300);
    expect(after.body.settings.roads.speedsKmh.residential).toBe(20);
  });

  it('the snap limit decides at once which points are off the network', async () => {
    await importRoadNetwork(t.env.ctx, t.env.utility.id, town);
    expect(Array.from((await roadMatrix(t.env.ctx, t.env.utility.id, [nodeOne, north])).offNetwork)).toEqual([0, 0]);
    const r = await callAs(t.server.baseUrl, t.env.utility, 'admin', 'PATCH', '/api/v1/settings', { roads: { snapLimitMetres: 100 } });
    expect(r.status).toBe(200);
    const m = await roadMatrix(t.env.ctx, t.env.utility.id, [nodeOne, north]);
    expect(Array.from(m.offNetwork)).toEqual([0, 1]);
    expect(m.durations[1]).toBe(-1);
  });

  it('speeds per class apply at the next import', async () => {
    const before = (await roadMatrix(t.env.ctx, t.env.utility.id, [nodeOne, nodeTwo])).durations[1];
    await callAs(t.server.baseUrl, t.env.utility, 'admin', 'PATCH', '/api/v1/settings', { roads: { speedsKmh: { residential: 40 } } });
    expect((await roadMatrix(t.env.ctx, t.env.utility.id, [nodeOne, nodeTwo])).durations[1]).toBe(before);
    await importRoadNetwork(t.env.ctx, t.env.utility.id, town);
    const after = (await roadMatrix(t.env.ctx, t.env.utility.id, [nodeOne, nodeTwo])).durations[1];
    expect(after).toBeGreaterThanOrEqual(Math.floor(before / 2));
    expect(after).toBeLessThanOrEqual(Math.ceil(before / 2));
  });
});
