/** The utilities lookups other slices use, on real PostGIS (their points go through knex-postgis). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, insideArea, outsideArea, testArea, type TestEnv } from '../../support/db.js';
import { findCrew, isInsideServiceArea, listCrews, locatePoint, publicUtilityFor, utilityOutline } from '../../../server/features/utilities/service.js';
import { ErrorCode } from '../../../server/core/domain/errors.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
});
afterAll(async () => {
  await env?.close();
});

describe('utilities service', () => {
  it('gives each crew its base as lat/lon, as it was stored', async () => {
    const crews = await listCrews(env.db, env.utility.id);
    expect(crews.map((c) => c.id)).toEqual(env.crews);
    expect(crews[0].baseLat).toBeCloseTo(-5.14, 9);
    expect(crews[0].baseLon).toBeCloseTo(119.41, 9);
    expect(crews[1].baseLat).toBeCloseTo(-5.15, 9);
    const one = await findCrew(env.db, env.utility.id, env.crews[1]);
    expect(one).toEqual(crews[1]);
    expect(await findCrew(env.db, env.utility.id + 1_000_000, env.crews[1])).toBeNull();
  });

  it("outlines the service area: its bounding box and a centre inside it", async () => {
    const outline = await utilityOutline(env.db, env.utility.id);
    const [minX, minY, maxX, maxY] = outline.bbox;
    expect(minX).toBeCloseTo(testArea.minLon, 6);
    expect(minY).toBeCloseTo(testArea.minLat, 6);
    expect(maxX).toBeCloseTo(testArea.maxLon, 6);
    expect(maxY).toBeCloseTo(testArea.maxLat, 6);
    expect(outline.centre.lon).toBeGreaterThan(testArea.minLon);
    expect(outline.centre.lon).toBeLessThan(testArea.maxLon);
    expect(outline.centre.lat).toBeGreaterThan(testArea.minLat);
    expect(outline.centre.lat).toBeLessThan(testArea.maxLat);
  });

  it('tells a point inside the service area from one outside, and finds its region', async () => {
    expect(await isInsideServiceArea(env.db, env.utility.id, insideArea.lon, insideArea.lat)).toBe(true);
    expect(await isInsideServiceArea(env.db, env.utility.id, outsideArea.lon, outsideArea.lat)).toBe(false);
    expect((await locatePoint(env.db, env.utility.id, insideArea.lon, insideArea.lat)).regionId).toBe(env.regionId);
    expect((await locatePoint(env.db, env.utility.id, outsideArea.lon, outsideArea.lat)).regionId).toBeNull();
  });

  it('finds the utility a public request names, and refuses an unknown jurisdiction by code', async () => {
    const ctx = { db: env.db, config: { ...env.ctx.config, defaultJurisdiction: null } };
    expect((await publicUtilityFor(ctx, ` ${env.utility.code} `)).id).toBe(env.utility.id);
    await expect(publicUtilityFor(ctx, 'no-such-utility')).rejects.toMatchObject({ code: ErrorCode.notFound, details: { field: 'jurisdiction_id' } });
  });
});
