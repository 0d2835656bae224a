import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, loginAs, sharpPhoto } from '../support/db.js';

const t = useTestServer({ crews: 1 });

async function call(user: string, path: string, body: unknown, key?: string) {
  const token = await loginAs(t.server.baseUrl, t.env.utility, user);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(key ? { 'Idempotency-Key': key } : {}) };
  const init: RequestInit = { method: 'POST', headers };
  if (body instanceof FormData) init.body = body;
  else {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, init);
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as any };
}

/** A ticket assigned to the test crew. */
async function assignedTicket(): Promise<number> {
  const r = await call('operator', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre' });
  expect(r.status).toBe(201);
  expect((await call('admin', `/api/v1/tickets/${r.body.id}/spk`, { priority: 'normal' })).status).toBe(200);
  expect((await call('dispatcher', `/api/v1/tickets/${r.body.id}/assign`, { crewId: t.env.crews[0] })).status).toBe(200);
  return r.body.id;
}

const eventsOf = async (ticketId: number, action: string) => (await t.env.db('ticket_events').where({ ticket_id: ticketId, action })).length;

describe('Idempotency-Key on the crew steps (the phone sends its queue again after a lost answer)', () => {
  it('answers a retried arrival with the ticket as it is and records the step once', async () => {
    const id = await assignedTicket();
    const first = await call('crew1', `/api/v1/tickets/${id}/arrive`, {}, 'arrive-key-1');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('on_site');
    const again = await call('crew1', `/api/v1/tickets/${id}/arrive`, {}, 'arrive-key-1');
    expect(again.status).toBe(200);
    expect(again.replayed).toBe('true');
    expect(again.body.status).toBe('on_site');
    expect(await eventsOf(id, 'arrive')).toBe(1);
    // Without the key the same retry is refused as an illegal step: the state moved on.
    expect((await call('crew1', `/api/v1/tickets/${id}/arrive`, {})).status).toBe(409);
  });

  it('keeps one repair photo for a retried repair', async () => {
    const id = await assignedTicket();
    expect((await call('crew1', `/api/v1/tickets/${id}/arrive`, {})).status).toBe(200);
    const photo = await sharpPhoto(41);
    const form = () => {
      const f = new FormData();
      f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'hasil.jpg');
      return f;
    };
    expect((await call('crew1', `/api/v1/tickets/${id}/fix`, form(), 'fix-key-1')).status).toBe(200);
    const again = await call('crew1', `/api/v1/tickets/${id}/fix`, form(), 'fix-key-1');
    expect(again.status).toBe(200);
    expect(again.replayed).toBe('true');
    expect(await eventsOf(id, 'fix')).toBe(1);
    expect((await t.env.db('photos').where({ ticket_id: id, kind: 'result' })).length).toBe(1);
  });

  it('frees the key of a refused step, and refuses it reused for another step', async () => {
    const id = await assignedTicket();
    const refused = await call('crew1', `/api/v1/tickets/${id}/escalate`, { note: 'ekskavator' }, 'step-key-1');
    expect(refused.status).toBe(409); // not on site yet
    expect((await call('crew1', `/api/v1/tickets/${id}/arrive`, {}, 'step-key-1')).status).toBe(200);
    const reused = await call('crew1', `/api/v1/tickets/${id}/escalate`, { note: 'ekskavator' }, 'step-key-1');
    expect(reused.status).toBe(409);
    expect(reused.body.error.field).toBe('Idempotency-Key');
  });
});
