import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';

const t = useTestServer();

async function call(user: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await loginAs(t.server.baseUrl, t.env.utility, user)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function citizen(phone: string, where: { lat: number; lon: number }) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(where.lat));
  f.set('lon', String(where.lon));
  f.set('phone', phone);
  f.set('category', 'no_water');
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  return { status: res.status, body: (await res.json()) as any };
}

const near = { lat: insideArea.lat + 0.001, lon: insideArea.lon + 0.001 }; // ~150 m from the centre
const far = { lat: insideArea.lat - 0.012, lon: insideArea.lon - 0.012 }; // ~1.9 km away

describe('area incidents (seed 003: one main break behind many reports)', () => {
  it('attaches waiting and new reports inside the area, shows them its progress, and closes them all when restored', async () => {
    const waiting = await citizen('0812-2000-0001', near);
    const outside = await citizen('0812-2000-0002', far);
    const created = await call('dispatcher', 'POST', '/api/v1/incidents', {
      title: 'Pipa transmisi 300 mm pecah',
      centre: { lat: insideArea.lat, lon: insideArea.lon },
      radiusMetres: 500,
      messageId: 'Sedang diperbaiki tim URC, perkiraan 3 jam',
      messageEn: 'Being repaired by the crew, about 3 hours',
      estimatedRestoreAt: '2026-11-23T12:00:00+08:00',
    });
    expect(created.status).toBe(201);
    expect(created.body.attachedTickets).toBe(1);
    const id = created.body.id;
    const status = async (n: string) => (await call(null, 'GET', `/api/v1/reports/${n}?jurisdiction_id=${t.env.utility.code}`)).body;
    expect((await status(waiting.body.number)).status).toBe('attached');
    expect((await status(outside.body.number)).status).toBe('received');

    const newcomer = await citizen('0812-2000-0003', near);
    expect(newcomer.status).toBe(201);
    expect(newcomer.body.status).toBe('attached');
    expect(newcomer.body.incident).toEqual({ id, title: 'Pipa transmisi 300 mm pecah' });
    const seen = await status(newcomer.body.number);
    expect(seen.incident.message.id).toBe('Sedang diperbaiki tim URC, perkiraan 3 jam');
    expect(seen.expectedResolutionAt).toBe('2026-11-23T04:00:00.000Z');
    // Attached reports do not wait in the validation queue.
    const queue = await call('admin', 'GET', '/api/v1/tickets?status=received&limit=500');
    expect(queue.body.items.map((x: any) => x.number)).not.toContain(newcomer.body.number);

    const progress = await call('dispatcher', 'PATCH', `/api/v1/incidents/${id}`, { status: 'repairing', messageId: 'Pipa sedang disambung, 1 jam lagi' });
    expect(progress.body.status).toBe('repairing');
    expect((await status(waiting.body.number)).incident.message.id).toBe('Pipa sedang disambung, 1 jam lagi');

    const restored = await call('dispatcher', 'PATCH', `/api/v1/incidents/${id}`, { status: 'restored', messageId: 'Air sudah mengalir normal' });
    expect(restored.status).toBe(200);
    for (const n of [waiting.body.number, newcomer.body.number]) {
      const s = await status(n);
      expect(s.status).toBe('closed');
      expect(s.timeline.at(-1).status).toBe('closed');
    }
    expect((await status(outside.body.number)).status).toBe('received');
    // A restored incident is final, and new reports no longer join it.
    expect((await call('dispatcher', 'PATCH', `/api/v1/incidents/${id}`, { status: 'active' })).status).toBe(409);
    expect((await citizen('0812-2000-0004', near)).body.status).toBe('received');
    expect((await call(null, 'GET', `/api/v1/incidents?jurisdiction_id=${t.env.utility.code}`)).body.items.map((i: any) => i.id)).not.toContain(id);
  });

  it('lets the admin detach a report that is a separate problem', async () => {
    const created = await call('kabag', 'POST', '/api/v1/incidents', {
      title: 'Gangguan kedua',
      area: { type: 'Polygon', coordinates: [[[119.405, -5.165], [119.415, -5.165], [119.415, -5.155], [119.405, -5.155], [119.405, -5.165]]] },
      messageId: 'Sedang diperiksa',
    });
    expect(created.status).toBe(201);
    const r = await citizen('0812-2000-0005', { lat: -5.16, lon: 119.41 });
    expect(r.body.status).toBe('attached');
    const id = (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: r.body.number }).first()).id;
    const detached = await call('admin', 'POST', `/api/v1/tickets/${id}/detach`, { note: 'Hanya rumah ini, tetangga normal' });
    expect(detached.status).toBe(200);
    expect(detached.body.status).toBe('received');
    expect(detached.body.incidentId).toBeNull();
    expect((await call('crew1', 'POST', `/api/v1/tickets/${id}/detach`, {})).status).toBe(403);
  });

  it('refuses an incident without an area or with a bad one, and lets only managers mark one', async () => {
    const none = await call('dispatcher', 'POST', '/api/v1/incidents', { title: 'Tanpa area', messageId: 'x y z' });
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('area');
    const bad = await call('dispatcher', 'POST', '/api/v1/incidents', { title: 'Area rusak', area: { type: 'Polygon', coordinates: [[[1, 2]]] }, messageId: 'x y z' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('area');
    expect((await call('crew1', 'POST', '/api/v1/incidents', { title: 'Tim', centre: insideArea, radiusMetres: 100, messageId: 'x y z' })).status).toBe(403);
    expect(await t.env.db('incidents').where({ utility_id: t.env.utility.id, title: 'Area rusak' })).toHaveLength(0);
  });

  it('refuses an empty, a self-crossing or a zero-area polygon, naming the area, and stores nothing', async () => {
    const incidents = `/api/v1/incidents?jurisdiction_id=${t.env.utility.code}`; // public: the test database holds other files' utilities too
    const before = (await call('dispatcher', 'GET', incidents)).body;
    const { lat, lon } = insideArea;
    const areas = [
      { type: 'Polygon', coordinates: [] },
      // a bow tie: its edges cross
      { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat + 0.01], [lon + 0.01, lat], [lon, lat + 0.01], [lon, lat]]] },
      // all on one line
      { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.02, lat], [lon, lat]]] },
    ];
    for (const area of areas) {
      const r = await call('dispatcher', 'POST', '/api/v1/incidents', { title: 'Tidak sah', area, messageId: 'uji' });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.body.error.details)).toContain('area');
    }
    expect((await call('dispatcher', 'GET', incidents)).body).toEqual(before);
  });
});
