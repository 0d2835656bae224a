/**
 * FixMyStreet's POST servicerequestupdates (mySociety's Open311 extension), as
 * its client sends it (perllib/Open311.pm: a url-encoded form with
 * service_request_id, update_id, updated_datetime, status, description,
 * first_name, last_name, email, media_url; the answer read as XML,
 * request_update/update_id). A comment is a note in the ticket's trail; "not
 * fixed" within the re-report window reopens the ticket (seed 003); a retry
 * gets the same update_id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharpPhoto, useTestServer } from '../support/db.js';
import { fixTicket, georeportForm, newKey, post, validFields } from './support.js';
import { SpecClient, shapeOf } from './spec-client.js';

const t = useTestServer();
let key: string;
let client: SpecClient;

beforeAll(async () => {
  key = await newKey(t.env, 'fixmystreet');
  client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
  await client.discover();
});

async function newRequest(phone: string): Promise<{ number: string; id: number }> {
  const created = await post(t.server.baseUrl, georeportForm({ ...validFields(t.env, key), phone }, { bytes: await sharpPhoto() }));
  expect(created.status).toBe(201);
  const number = created.body[0].service_request_id as string;
  const { id } = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first('id');
  return { number, id };
}

const fmsUpdate = (number: string, updateId: string, status: string, description: string) => ({
  service_request_id: number,
  update_id: updateId,
  updated_datetime: '2026-11-23T19:00:00+08:00',
  status,
  description,
  first_name: 'Budi',
  last_name: 'Santoso',
  email: 'budi@example.id',
  media_url: 'https://fms.example.org/photo/c/77.full.jpeg',
});

describe("FixMyStreet's POST servicerequestupdates", () => {
  it('records a comment as a note in the trail, answers its update_id in XML, and a retry writes nothing new', async () => {
    t.env.clock.set('2026-11-23T05:00:00Z');
    const { number, id } = await newRequest('0812 4141 0001');
    t.env.clock.set('2026-11-23T06:00:00Z');
    const answer = await client.postUpdate(fmsUpdate(number, 'fms-1001', 'OPEN', 'Airnya makin deras & meluber ke jalan <segera>'));
    expect(answer.status, answer.xml).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(shapeOf(answer.xml)).toEqual([{ service_request_updates: [{ request_update: ['update_id'] }] }]);
    const updateId = answer.doc.service_request_updates.request_update[0].update_id as string;
    const step = await t.env.db('ticket_events').where({ id: Number(updateId) }).first();
    expect(step).toMatchObject({ ticket_id: id, action: 'client_update', actor_kind: 'reporter', from_status: 'received', to_status: 'received' });
    expect(step.note).toContain('fixmystreet');
    expect(step.note).toContain('Budi Santoso');
    expect(step.note).toContain('Airnya makin deras & meluber ke jalan <segera>');
    expect(step.note).toContain('https://fms.example.org/photo/c/77.full.jpeg');
    expect(step.note).not.toContain('budi@example.id'); // e-mail is not stored
    const ticket = await t.env.db('tickets').where({ id }).first('status');
    expect(ticket.status).toBe('received');

    const events = await t.env.db('ticket_events').where({ ticket_id: id }).count<{ n: string }[]>({ n: '*' });
    const again = await client.postUpdate(fmsUpdate(number, 'fms-1001', 'OPEN', 'Airnya makin deras & meluber ke jalan <segera>'));
    expect(again.status).toBe(200);
    expect(again.doc.service_request_updates.request_update[0].update_id).toBe(updateId);
    expect(await t.env.db('ticket_events').where({ ticket_id: id }).count<{ n: string }[]>({ n: '*' })).toEqual(events);

    // Its own comment is not listed back to the client as our update.
    const listed = await client.updates('2026-11-23', '2026-11-23');
    const ids = (listed.doc.service_requests_updates?.request_update ?? []).map((u: { update_id: string }) => u.update_id);
    expect(ids).not.toContain(updateId);
  });

  it('"not fixed" (REOPEN) within 6 h of the fix reopens the ticket to its crew; after 6 h it is a note that a new report is needed', async () => {
    t.env.clock.set('2026-11-24T05:00:00Z'); // 13:00 WITA
    const { number, id } = await newRequest('0812 4141 0002');
    t.env.clock.set('2026-11-24T06:00:00Z'); // fixed at 14:00
    await fixTicket(t, number, true);
    t.env.clock.set('2026-11-24T11:00:00Z'); // 19:00, 5 h after
    const reopened = await client.postUpdate(fmsUpdate(number, 'fms-2001', 'REOPEN', 'Masih bocor'));
    expect(reopened.status, reopened.xml).toBe(200);
    const step = await t.env.db('ticket_events').where({ id: Number(reopened.doc.service_request_updates.request_update[0].update_id) }).first();
    expect(step).toMatchObject({ ticket_id: id, action: 'reopen', from_status: 'fixed', to_status: 'assigned' });
    expect(step.note).toContain('Masih bocor');
    expect(await t.env.db('tickets').where({ id }).first('status', 'starred', 'repeat_count')).toEqual({ status: 'assigned', starred: true, repeat_count: 1 });
    // The client reads its reopen back as REOPEN under the same update_id.
    const listed = await client.updates('2026-11-24', '2026-11-24');
    const mine = listed.doc.service_requests_updates.request_update.find((u: { update_id: string }) => u.update_id === String(step.id));
    expect(mine).toMatchObject({ service_request_id: number, status: 'REOPEN' });

    t.env.clock.set('2026-11-24T12:00:00Z'); // fixed again at 20:00
    await fixTicket(t, number, false);
    t.env.clock.set('2026-11-24T19:00:00Z'); // 03:00, 7 h after
    const late = await client.postUpdate(fmsUpdate(number, 'fms-2002', 'OPEN', 'Bocor lagi'));
    expect(late.status).toBe(200);
    const note = await t.env.db('ticket_events').where({ id: Number(late.doc.service_request_updates.request_update[0].update_id) }).first();
    expect(note).toMatchObject({ action: 'client_update', from_status: 'fixed', to_status: 'fixed' });
    expect(note.note).toContain('perlu laporan baru');
    expect((await t.env.db('tickets').where({ id }).first('status')).status).toBe('fixed');
  });

  it('answers the spec error array: no key 403, unknown request 404, missing fields 400 naming them, in XML', async () => {
    const { number } = await newRequest('0812 4141 0003');
    const noKey = await new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, '');
    await noKey.discover();
    const refused = await noKey.postUpdate(fmsUpdate(number, 'x-1', 'OPEN', 'hi'));
    expect(refused.status).toBe(403);
    expect(refused.doc.errors.error[0].description).toMatch(/^API_KEY_INVALID: /);

    const unknown = await client.postUpdate(fmsUpdate('LK-2026-999999', 'x-2', 'OPEN', 'hi'));
    expect(unknown.status).toBe(404);
    expect(unknown.doc.errors.error[0].description).toContain('LK-2026-999999');

    const bad = await client.postUpdate({ service_request_id: number, update_id: 'x-3', status: 'MAYBE', updated_datetime: 'yesterday', description: 'hi' });
    expect(bad.status).toBe(400);
    const descriptions = bad.doc.errors.error.map((e: { description: string }) => e.description).join('\n');
    expect(descriptions).toContain('VALIDATION_FAILED: status:');
    const badDate = await client.postUpdate({ ...fmsUpdate(number, 'x-4', 'OPEN', 'hi'), updated_datetime: 'yesterday' });
    expect(badDate.status).toBe(400);
    expect(badDate.doc.errors.error[0].description).toContain('updated_datetime');
    expect(await t.env.db('open311_request_updates').where({ utility_id: t.env.utility.id }).whereIn('client_update_id', ['x-1', 'x-2', 'x-3', 'x-4'])).toEqual([]);
  });
});
