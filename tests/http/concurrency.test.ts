import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';

const t = useTestServer();

async function staffTicket(token: string): Promise<number> {
  const res = await fetch(`${t.server.baseUrl}/api/v1/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe('concurrent requests', () => {
  it('gives 20 simultaneous citizen reports 20 distinct, gap-free numbers', async () => {
    const photos = await Promise.all(Array.from({ length: 20 }, (_, i) => sharpPhoto(1000 + i)));
    const answers = await Promise.all(
      photos.map(async (photo) => {
        const f = new FormData();
        f.set('lat', String(insideArea.lat));
        f.set('lon', String(insideArea.lon));
        f.set('phone', '0812-7777-0000');
        f.set('jurisdiction_id', t.env.utility.code);
        f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
        const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
        return { status: res.status, body: (await res.json()) as { number: string } };
      }),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const seq = answers.map((a) => Number(a.body.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(20);
    expect(seq[19] - seq[0]).toBe(19);
    // One reporter, however many reports at once.
    expect(await t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281277770000' })).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous SPKs through; the other gets 409', async () => {
    const [admin1, admin2, operator] = await Promise.all([
      loginAs(t.server.baseUrl, t.env.utility, 'admin'),
      loginAs(t.server.baseUrl, t.env.utility, 'admin'),
      loginAs(t.server.baseUrl, t.env.utility, 'operator'),
    ]);
    const id = await staffTicket(operator);
    const spk = (token: string, priority: string) =>
      fetch(`${t.server.baseUrl}/api/v1/tickets/${id}/spk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ priority }),
      }).then((r) => r.status);
    const statuses = (await Promise.all([spk(admin1, 'high'), spk(admin2, 'normal')])).sort();
    expect(statuses).toEqual([200, 409]);
    expect(await t.env.db('work_orders').where({ ticket_id: id })).toHaveLength(1);
    expect(await t.env.db('ticket_events').where({ ticket_id: id, action: 'issue_spk' })).toHaveLength(1);
  });
});
