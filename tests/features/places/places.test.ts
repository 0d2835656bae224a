import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../../support/db.js';
import { loadMakassarPlaces } from '../../support/places.js';

const t = useTestServer({ crews: 1 });

/** A loopback stand-in for a Nominatim server: records each request, answers what the test sets. */
const asked: { url: URL; userAgent: string | undefined }[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: [] };
let geocoder: http.Server;
let geocoderUrl = '';

beforeAll(async () => {
  expect(await loadMakassarPlaces(t.env)).toBe(153 + 15);
  geocoder = http.createServer((req, res) => {
    asked.push({ url: new URL(req.url!, 'http://x'), userAgent: req.headers['user-agent'] });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
  geocoderUrl = `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}/search`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => geocoder.close(() => resolve()));
});

async function places(q: string, extra = ''): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.server.baseUrl}/api/v1/places?jurisdiction_id=${t.env.utility.code}&q=${encodeURIComponent(q)}${extra}`);
  return { status: res.status, body: await res.json() };
}
const first = async (q: string) => (await places(q)).body.items[0];

describe('GET /api/v1/places: kelurahan and kecamatan by name, offline', () => {
  it('ranks the exact name first, then names starting with the query', async () => {
    expect(await first('Antang')).toMatchObject({ kind: 'kelurahan', name: 'Antang', district: 'Manggala', code: 'id7371101005' });
    const mak = (await places('makas')).body.items;
    expect(mak[0]).toMatchObject({ kind: 'kecamatan', name: 'Makassar', district: null });
    const maccini = (await places('maccini')).body.items.map((p: { name: string }) => p.name);
    expect(maccini[0]).toBe('Maccini');
    expect(maccini).toEqual(expect.arrayContaining(['Maccini Gusung', 'Maccini Parang']));
  });

  it('ignores case, spaces, punctuation and accents, and forgives a typo', async () => {
    expect(await first('biringkanaya')).toMatchObject({ kind: 'kecamatan', name: 'Biring Kanaya' });
    expect(await first('BIRING  kanaya')).toMatchObject({ kind: 'kecamatan', name: 'Biring Kanaya' });
    expect(await first('Antáng')).toMatchObject({ name: 'Antang' });
    expect(await first('banta bantaeng')).toMatchObject({ name: 'Banta-Bantaeng' });
    expect(await first('Panakukang')).toMatchObject({ kind: 'kecamatan', name: 'Panakkukang' });
  });

  it('answers a point inside the place and its extent, for the map to zoom to', async () => {
    const losari = await first('Losari');
    expect(losari.name).toBe('Losari');
    const [minLon, minLat, maxLon, maxLat] = losari.bbox;
    expect(losari.lon).toBeGreaterThanOrEqual(minLon);
    expect(losari.lon).toBeLessThanOrEqual(maxLon);
    expect(losari.lat).toBeGreaterThanOrEqual(minLat);
    expect(losari.lat).toBeLessThanOrEqual(maxLat);
    const inside = await t.env.db.raw("SELECT ST_Covers(area, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) AS ok FROM places WHERE utility_id = ? AND kind = 'kelurahan' AND name = 'Losari'", [losari.lon, losari.lat, t.env.utility.id]);
    expect(inside.rows[0].ok).toBe(true);
  });

  it('keeps to the utility asked, and indexes the areas (GiST) and the names (trigram)', async () => {
    const other = await fetch(`${t.server.baseUrl}/api/v1/places?jurisdiction_id=no-such-utility&q=Antang`);
    expect(other.status).toBe(404);
    const indexes = (await t.env.db.raw("SELECT indexdef FROM pg_indexes WHERE tablename = 'places'")).rows.map((r: { indexdef: string }) => r.indexdef).join('\n');
    expect(indexes).toMatch(/USING gist \(area\)/);
    expect(indexes).toMatch(/USING gin \(search_key gin_trgm_ops\)/);
  });

  it('refuses a missing query with a message naming the field', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/places?jurisdiction_id=${t.env.utility.code}&q=`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field: string } };
    expect(body.error.field).toBe('q');
    expect((await places('zzzqqq')).body).toEqual({ items: [], geocoder: 'off' });
  });
});

describe('GET /api/v1/places: addresses through a configured geocoder', () => {
  it('asks no geocoder when none is configured', async () => {
    asked.length = 0;
    expect((await places('Jalan Sultan Alauddin')).body.geocoder).toBe('off');
    expect(asked).toEqual([]);
  });

  it('asks the configured one in the Nominatim shape, bounded to the utility, and adds its addresses after the names', async () => {
    t.env.ctx.config.geocoderUrl = geocoderUrl;
    try {
      asked.length = 0;
      answer = { status: 200, body: [{ display_name: 'Jalan Sultan Alauddin, Rappocini, Makassar', lat: '-5.1712', lon: '119.4301', boundingbox: ['-5.1800', '-5.1600', '119.4200', '119.4400'] }] };
      const r = await places('Jalan Sultan Alauddin', '&lang=en&limit=5');
      expect(r.status).toBe(200);
      expect(r.body.geocoder).toBe('used');
      expect(r.body.items.at(-1)).toEqual({ kind: 'address', code: null, name: 'Jalan Sultan Alauddin, Rappocini, Makassar', district: null, lon: 119.4301, lat: -5.1712, bbox: [119.42, -5.18, 119.44, -5.16] });
      expect(asked).toHaveLength(1);
      const { url, userAgent } = asked[0];
      expect(url.pathname).toBe('/search');
      expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'Jalan Sultan Alauddin', format: 'jsonv2', limit: String(5 - (r.body.items.length - 1)), countrycodes: 'id', viewbox: '119.4,-5.13,119.44,-5.17', bounded: '1', 'accept-language': 'en' });
      expect(userAgent).toMatch(/^tirta-dispatch\//);

      // A name that fills the answer, or a short query, asks nothing.
      asked.length = 0;
      expect((await places('Ma', '&limit=1')).body.geocoder).toBe('skipped');
      expect(asked).toEqual([]);

      // A failing geocoder: the names still come.
      answer = { status: 500, body: { error: 'down' } };
      const failed = await places('Jalan Losari');
      expect(failed.status).toBe(200);
      expect(failed.body.geocoder).toBe('failed');
      expect(failed.body.items[0]).toMatchObject({ name: 'Losari' });
    } finally {
      t.env.ctx.config.geocoderUrl = null;
    }
  });
});
