/**
 * Issue 15: the admin imports the service area and regions (GeoJSON) through
 * the API, against real PostGIS: each refusal names the feature and the
 * reason, nothing is half-written, regions referred to by tickets or crews are
 * reshaped in place and never deleted, every import is audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, loginAs, testArea } from '../../support/db.js';

const t = useTestServer({ crews: 2 });
let admin: string;
let dispatcher: string;

beforeAll(async () => {
  admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
  dispatcher = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
});

type Ring = number[][];
const box = (minLon: number, minLat: number, maxLon: number, maxLat: number): Ring => [[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]];
const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const { minLon, minLat, maxLon, maxLat } = testArea;
const midLon = (minLon + maxLon) / 2;
const west = () => feature({ name: 'Region One' }, polygon(box(minLon, minLat, midLon, maxLat)));
const east = () => feature({ name: 'Timur' }, polygon(box(midLon, minLat, maxLon, maxLat)));

async function call(method: string, url: string, body?: unknown, token: string | null = admin, raw?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${t.server.baseUrl}${url}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** What an import may change: the area, the regions (ids, names, shapes), the audit trail. */
async function snapshot() {
  const db = t.env.db;
  const area = await db('utilities').where({ id: t.env.utility.id }).first(db.raw('ST_AsText(service_area) AS wkt'));
  const regions = await db('service_regions').where({ utility_id: t.env.utility.id }).orderBy('id').select('id', 'code', 'name', db.raw('ST_AsText(area) AS wkt'));
  const audit = await db('audit_log').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' });
  return JSON.stringify({ area, regions, audit });
}

/** The import is refused with INVALID_GEOMETRY naming the feature, and nothing was written. */
async function refused(body: unknown, reason: string, feature: number | null, name?: string) {
  const before = await snapshot();
  const preview = await call('POST', '/api/v1/geography/preview', body);
  expect(preview.status).toBe(200);
  expect(preview.body.ok).toBe(false);
  const res = await call('PUT', '/api/v1/geography', body);
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('INVALID_GEOMETRY');
  const problem = res.body.error.details.problems.find((p: { reason: string }) => p.reason === reason);
  expect(problem, JSON.stringify(res.body.error.details.problems)).toBeDefined();
  expect(problem.feature).toBe(feature);
  if (feature !== null) expect(problem.message).toContain(`Feature ${feature + 1}`);
  if (name) {
    expect(problem.name).toBe(name);
    expect(problem.message).toContain(name);
    expect(problem.messageId).toContain(name);
  }
  expect(res.body.error.message).toContain(problem.message);
  expect(preview.body.problems).toContainEqual(problem);
  expect(await snapshot()).toBe(before);
  return problem;
}

describe('import: validation against PostGIS, one feature named per problem', () => {
  it('a self-intersecting ring (a bow tie): named with the place it crosses', async () => {
    const bowtie = [[minLon, minLat], [midLon, maxLat], [midLon, minLat], [minLon, maxLat], [minLon, minLat]];
    const p = await refused({ regions: collection(west(), feature({ name: 'Dasi' }, polygon(bowtie))) }, 'self_intersection', 1, 'Dasi');
    expect(p.details.lon).toBeCloseTo((minLon + midLon) / 2, 3);
  });

  it('a ring that is not closed, and one of fewer than 4 points', async () => {
    const open = box(minLon, minLat, midLon, maxLat).slice(0, 4);
    await refused({ regions: collection(feature({ name: 'Terbuka' }, polygon(open))) }, 'ring_not_closed', 0, 'Terbuka');
    await refused({ regions: collection(east(), feature({ name: 'Garis' }, polygon([[minLon, minLat], [midLon, maxLat], [minLon, minLat]]))) }, 'too_few_points', 1, 'Garis');
  });

  it('an invalid ring PostGIS names (a hole outside its shell)', async () => {
    const shell = box(minLon, minLat, midLon, maxLat);
    const hole = box(maxLon - 0.005, minLat + 0.005, maxLon - 0.001, minLat + 0.009);
    const p = await refused({ regions: collection(feature({ name: 'Berlubang' }, polygon(shell, hole))) }, 'invalid', 0, 'Berlubang');
    expect(p.details.reason).toMatch(/hole/i);
  });

  it('an empty polygon, and a file with no features', async () => {
    await refused({ regions: collection(west(), feature({ name: 'Kosong' }, { type: 'Polygon', coordinates: [] })) }, 'empty', 1, 'Kosong');
    await refused({ regions: collection() }, 'empty', null);
  });

  it('two regions that overlap (a shared edge is fine: see the import below)', async () => {
    const p = await refused({ regions: collection(west(), feature({ name: 'Tengah' }, polygon(box(midLon - 0.005, minLat, maxLon, maxLat)))) }, 'overlap', 0, 'Region One');
    expect(p.details).toMatchObject({ otherFeature: 1, otherName: 'Tengah' });
    expect(p.details.overlapM2).toBeGreaterThan(2_000_000);
    expect(p.messageId).toContain('Tengah');
  });

  it('a region reaching outside the service area', async () => {
    const p = await refused({ regions: collection(west(), feature({ name: 'Luar' }, polygon(box(midLon, minLat, maxLon + 0.01, maxLat)))) }, 'outside_area', 1, 'Luar');
    expect(p.details.outsideM2).toBeGreaterThan(1_000_000);
  });

  it('a Point or a LineString where a polygon belongs, and a body that is not GeoJSON', async () => {
    const p = await refused({ regions: collection(west(), feature({ name: 'Titik' }, { type: 'Point', coordinates: [119.41, -5.15] })) }, 'wrong_type', 1, 'Titik');
    expect(p.message).toContain('Point');
    await refused({ regions: collection(feature({ name: 'Jalan' }, { type: 'LineString', coordinates: [[119.41, -5.15], [119.42, -5.16]] })) }, 'wrong_type', 0, 'Jalan');
    await refused({ regions: { type: 'Topology', objects: {} } }, 'not_geojson', null);
    await refused({ regions: collection(feature({ name: 'Jauh' }, polygon([[200, 0], [201, 0], [201, 1], [200, 0]]))) }, 'bad_coordinates', 0, 'Jauh');
  });

  it('a region without a name (the chosen property, else name/nama, else the first string property)', async () => {
    const p = await refused({ regions: collection(west(), feature({ nama: '  ' }, polygon(box(midLon, minLat, maxLon, maxLat)))), nameProperty: 'name' }, 'missing_name', 1);
    expect(p.message).toContain('“name”');
  });

  it('a file larger than the import takes: a clear refusal, not a dropped connection', async () => {
    const padding = 'x'.repeat(9 * 1024 * 1024);
    const res = await call('PUT', '/api/v1/geography', undefined, admin, JSON.stringify({ regions: collection(feature({ name: 'Besar', padding }, polygon(box(minLon, minLat, midLon, maxLat)))) }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_GEOMETRY');
    expect(res.body.error.details.problems[0]).toMatchObject({ reason: 'too_large' });
    expect(res.body.error.message).toMatch(/larger than 8 MB/);
  });

  it('all or nothing: good features beside one bad one write nothing, and every problem is listed', async () => {
    const bowtie = [[midLon, minLat], [maxLon, maxLat], [maxLon, minLat], [midLon, maxLat], [midLon, minLat]];
    const body = { regions: collection(west(), feature({ name: 'Timur' }, polygon(bowtie)), feature({ name: 'Titik' }, { type: 'Point', coordinates: [119.41, -5.15] })), area: 'regions' };
    await refused(body, 'self_intersection', 1, 'Timur');
    const res = await call('POST', '/api/v1/geography/preview', body);
    expect(res.body.problems.map((p: { feature: number; reason: string }) => `${p.feature}:${p.reason}`)).toEqual(['1:self_intersection', '2:wrong_type']);
  });

  it('the admin only', async () => {
    const body = { regions: collection(west(), east()) };
    expect((await call('GET', '/api/v1/geography', undefined, dispatcher)).status).toBe(403);
    expect((await call('POST', '/api/v1/geography/preview', body, dispatcher)).status).toBe(403);
    expect((await call('PUT', '/api/v1/geography', body, dispatcher)).status).toBe(403);
    expect((await call('PUT', '/api/v1/geography', body, null)).status).toBe(401);
    expect((await call('PUT', '/api/v1/geography', {}, admin)).status).toBe(400);
  });
});

describe('import: what is written', () => {
  it('a region referred to by crews is never deleted from under them: the import is refused naming it', async () => {
    const p = await refused({ regions: collection(feature({ name: 'Barat' }, polygon(box(minLon, minLat, midLon, maxLat))), east()) }, 'region_in_use', null, 'Region One');
    expect(p.details).toMatchObject({ crews: 2, tickets: 0 });
  });

  it('preview, then import: a region of the same name is reshaped in place, a new one created, a shared edge tolerated, audited', async () => {
    const [regionOne] = await t.env.db('service_regions').where({ utility_id: t.env.utility.id });
    const body = { regions: collection({ ...west(), properties: { name: 'region  ONE' } }, east()) };
    const preview = await call('POST', '/api/v1/geography/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ ok: true, problems: [], areaFrom: 'stored', nameProperty: 'name', removed: [] });
    expect(preview.body.regions).toMatchObject([
      { name: 'region ONE', action: 'reshape', id: regionOne.id, code: regionOne.code, features: [0] },
      { name: 'Timur', action: 'create', id: null, code: 'TIMUR', features: [1] },
    ]);
    // 0.04° x 0.04° at 5° S: about 4.43 km x 4.42 km.
    expect(preview.body.areaKm2).toBeGreaterThan(19);
    expect(preview.body.areaKm2).toBeLessThan(20.5);
    expect(preview.body.regions[0].km2 + preview.body.regions[1].km2).toBeCloseTo(preview.body.areaKm2, 1);

    const res = await call('PUT', '/api/v1/geography', { ...body, source: 'drawing' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const regions = await t.env.db('service_regions').where({ utility_id: t.env.utility.id }).orderBy('id').select('id', 'name', t.env.db.raw('ST_Area(area) / 1e6 AS km2'));
    expect(regions.map((r) => [r.id, r.name])).toEqual([[regionOne.id, 'region ONE'], [regions[1].id, 'Timur']]);
    expect(Number(regions[0].km2)).toBeCloseTo(preview.body.regions[0].km2, 2);
    // The crews still belong to it.
    expect(await t.env.db('crews').where({ utility_id: t.env.utility.id, region_id: regionOne.id }).pluck('id')).toEqual(t.env.crews);
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'geography.import' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ actor_id: t.env.users.admin, object_type: 'geography' });
    expect(audit.details).toMatchObject({ source: 'drawing', created: ['Timur'], reshaped: ['region ONE'], deleted: [] });

    const stored = await call('GET', '/api/v1/geography');
    expect(stored.body.regions.features.map((f: { properties: { name: string; crews: number } }) => [f.properties.name, f.properties.crews])).toEqual([['region ONE', 2], ['Timur', 0]]);
    expect(stored.body.area.type).toBe('MultiPolygon');
  });

  it('features of one name form one region; an unreferenced region missing from the file is deleted; the area can come from the regions', async () => {
    const [timur] = await t.env.db('service_regions').where({ utility_id: t.env.utility.id, name: 'Timur' });
    const q = (minX: number, maxX: number, minY: number, maxY: number, village: string, district: string) => feature({ village, district }, polygon(box(minX, minY, maxX, maxY)));
    const midLat = (minLat + maxLat) / 2;
    const fc = collection(
      q(minLon, midLon, minLat, midLat, 'Satu', 'Region One'),
      q(minLon, midLon, midLat, maxLat, 'Dua', 'Region One'),
      q(midLon, maxLon + 0.02, minLat, maxLat, 'Tiga', 'Utara'),
    );
    const preview = await call('POST', '/api/v1/geography/preview', { regions: fc, nameProperty: 'district', area: 'regions' });
    expect(preview.body).toMatchObject({ ok: true, areaFrom: 'regions', properties: ['village', 'district'] });
    expect(preview.body.regions.map((r: { name: string; features: number[]; action: string }) => [r.name, r.features, r.action])).toEqual([['Region One', [0, 1], 'reshape'], ['Utara', [2], 'create']]);
    expect(preview.body.removed).toEqual([{ id: timur.id, code: 'TIMUR', name: 'Timur', tickets: 0, crews: 0, action: 'delete' }]);
    expect(preview.body.areaKm2).toBeGreaterThan(29);
    const res = await call('PUT', '/api/v1/geography', { regions: fc, nameProperty: 'district', area: 'regions' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await t.env.db('service_regions').where({ utility_id: t.env.utility.id }).orderBy('id').pluck('name')).toEqual(['Region One', 'Utara']);
    const inside = await t.env.db('utilities').where({ id: t.env.utility.id }).first(t.env.db.raw('ST_Covers(service_area, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) AS inside', [maxLon + 0.01, -5.15]));
    expect(inside.inside).toBe(true);
  });

  it('a new area alone must still hold the stored regions; one that does is written', async () => {
    await refused({ area: polygon(box(minLon, minLat, maxLon, maxLat)) }, 'outside_area', null, 'Utara');
    const res = await call('PUT', '/api/v1/geography', { area: collection(feature({}, polygon(box(minLon - 0.01, minLat - 0.01, maxLon + 0.03, maxLat + 0.01)))) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.areaFrom).toBe('file');
    expect(res.body.areaKm2).toBeGreaterThan(40);
  });
});
