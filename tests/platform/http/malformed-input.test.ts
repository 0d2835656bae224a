/**
 * Issue 11, finding 8: malformed requests that answered 500. Each is refused
 * with a 4xx naming what is wrong, and leaves nothing behind.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { originalPhotoFiles, insideArea, loginAs, sharpPhoto, useTestServer } from '../../support/db.js';

const t = useTestServer();

const valid = { lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-3456-7890', name: 'Andi', description: 'Pipa bocor', category: 'visible_leak' };

function form(fields: Record<string, string>, photo?: Buffer): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (photo) body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  return body;
}

const photoFiles = (): number => originalPhotoFiles(t.env).size;
const ticketCount = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);

/** A raw GET, so the path reaches the server exactly as written (fetch would re-encode it). */
function rawGet(pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const url = new URL(t.server.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathAndQuery, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('no malformed input reaches a 500', () => {
  for (const field of ['description', 'name', 'address', 'phone', 'previous_number', 'category']) {
    it(`refuses a NUL byte in the report's ${field} with 400 naming the field, and keeps no photo file`, async () => {
      const files = photoFiles();
      const tickets = await ticketCount();
      const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, {
        method: 'POST',
        body: form({ jurisdiction_id: t.env.utility.code, ...valid, [field]: `Pipa\u0000bocor` }, await sharpPhoto()),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.field).toBe(field);
      expect(photoFiles()).toBe(files);
      expect(await ticketCount()).toBe(tickets);
    });
  }

  it('refuses a NUL byte in a JSON body (staff login) with 400 naming the field', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'adm\u0000in', password: 'x', jurisdiction_id: t.env.utility.code }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.field).toBe('username');
  });

  it('refuses a NUL byte in a path parameter or a query parameter with 400', async () => {
    const a = await rawGet(`/api/v1/reports/LK-2026%00?jurisdiction_id=${t.env.utility.code}`);
    expect(a.status).toBe(400);
    expect(a.body.error.code).toBe('VALIDATION_FAILED');
    const b = await rawGet(`/api/v1/reports/LK-2026-000001?jurisdiction_id=x%00y`);
    expect(b.status).toBe(400);
    expect(b.body.error.field).toBe('jurisdiction_id');
  });

  it('refuses a zero-byte photo with a clear code', async () => {
    const files = photoFiles();
    const body = new FormData();
    for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, ...valid })) body.set(k, v);
    body.set('photo', new Blob([], { type: 'image/jpeg' }), 'empty.jpg');
    const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body });
    expect([400, 415]).toContain(res.status);
    const json = (await res.json()) as any;
    expect(['PHOTO_REQUIRED', 'PHOTO_NOT_IMAGE']).toContain(json.error.code);
    expect(json.error.field).toBe('photo');
    expect(photoFiles()).toBe(files);
  });

  it('refuses bad percent-encoding in the path with 400', async () => {
    for (const p of ['/api/v1/reports/%E0%A4%A', '/api/v1/reports/%zz', '/open311/v2/requests/%c0.json']) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(400);
      expect(res.body.error?.code ?? res.body[0]?.code, p).toBeTruthy();
    }
  });

  it('answers a missing /assets file with 404, not 500', async () => {
    const res = await rawGet('/assets/no-such-file-3f9a.js');
    expect(res.status).toBe(404);
  });

  describe('report query parameters', () => {
    const managerGet = async (p: string) => {
      const token = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
      return rawGet(p, { authorization: `Bearer ${token}` });
    };

    for (const [p, field] of [
      ['/api/v1/analytics/sla?from=2026-02-30&to=2026-03-10', 'from'],
      ['/api/v1/analytics/sla?from=2026-01-01&to=9999-12-31', 'to'],
      ['/api/v1/analytics/repeats?from=2026-13-01', 'from'],
      ['/api/v1/analytics/heatmap?from=0000-01-01', 'from'],
      ['/api/v1/analytics/complaints?period=day&date=2026-02-30', 'date'],
      ['/api/v1/analytics/complaints?period=month&date=2026-13', 'date'],
      ['/api/v1/analytics/complaints?period=year&date=9999', 'date'],
      ['/api/v1/analytics/points?month=2026-00', 'month'],
      ['/api/v1/analytics/points?month=9999-12', 'month'],
    ] as const) {
      it(`${p}: 400 naming ${field}`, async () => {
        const res = await managerGet(p);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.field).toBe(field);
      });
    }

    it('answers a whole-world heatmap bbox without a 500 (bounded to the service area)', async () => {
      const res = await managerGet('/api/v1/analytics/heatmap?bbox=-180,-90,180,90&zoom=0');
      expect(res.status).toBe(200);
      expect(res.body.report).toBe('heatmap');
    });
  });
});
