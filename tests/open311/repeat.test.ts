import { describe, expect, it } from 'vitest';
import { insideArea, loginAs, sharpPhoto, useTestServer } from '../support/db.js';
import { Open311Created } from '../../server/features/open311/schemas.js';
import { fixTicket, georeportForm, get, newKey, post, validFields } from './support.js';

const t = useTestServer();

const fix = (number: string, firstTime: boolean) => fixTicket(t, number, firstTime);

describe('Open311 submissions and the repeat-report rule (seed 003), through submitReport', () => {
  it('a report within 6 h of the fix reopens the ticket (200, its number, "Laporan ulang"); after 6 h it is a new ticket linked to the earlier one (201)', async () => {
    const key = await newKey(t.env);
    const fields = { ...validFields(t.env, key), phone: '0812 9090 1111' };
    t.env.clock.set('2026-11-23T05:00:00Z'); // 13:00 WITA
    const first = await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }));
    expect(first.status).toBe(201);
    const number = first.body[0].service_request_id;
    t.env.clock.set('2026-11-23T06:00:00Z'); // done at 14:00
    await fix(number, true);

    t.env.clock.set('2026-11-23T11:00:00Z'); // 19:00: 5 h after -> re-report
    const again = await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }));
    expect(again.status).toBe(200);
    const [reopened] = Open311Created.parse(again.body);
    expect(reopened.service_request_id).toBe(number);
    expect(reopened.service_notice).toContain('Laporan ulang');
    expect(reopened.service_notice).toContain('tim dikirim lagi');
    expect(reopened.service_notice).toContain('crew sent back');
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
    expect(await t.env.db('api_submissions').where({ ticket_id: ticket.id })).toHaveLength(1);
    const followed = await get(t.server.baseUrl, `/requests/${number}.json?jurisdiction_id=${t.env.utility.code}`);
    expect(followed.body[0].status).toBe('open');

    t.env.clock.set('2026-11-23T12:00:00Z'); // fixed again at 20:00
    await fix(number, false);
    t.env.clock.set('2026-11-23T19:00:00Z'); // 7 h later -> a new ticket
    const later = await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }));
    expect(later.status).toBe(201);
    expect(later.body[0].service_request_id).not.toBe(number);
    expect(later.body[0].service_notice).toContain(number);
  });
});

describe('the repeat-report rule after an area incident is restored (seed 003)', () => {
  async function dispatcher(method: string, path: string, body: unknown) {
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
    const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as any;
  }

  it('"still no water" within 6 h of the restoration reopens the report (200, starred, counted, back to the admin); after 6 h it is a new urgent ticket linked to it', async () => {
    const key = await newKey(t.env);
    t.env.clock.set('2026-11-26T01:00:00Z'); // 09:00 WITA
    const incident = await dispatcher('POST', '/api/v1/incidents', {
      title: 'Pipa induk 200 mm pecah',
      centre: { lat: insideArea.lat, lon: insideArea.lon },
      radiusMetres: 400,
      messageId: 'Sedang diperbaiki',
      messageEn: 'Being repaired',
    });
    const here = { ...validFields(t.env, key), service_code: 'no_water', lat: String(insideArea.lat + 0.0005), long: String(insideArea.lon) };
    const a = await post(t.server.baseUrl, georeportForm({ ...here, phone: '0812 3030 0001' }, { bytes: await sharpPhoto() }));
    const b = await post(t.server.baseUrl, georeportForm({ ...here, phone: '0812 3030 0002' }, { bytes: await sharpPhoto() }));
    expect([a.status, b.status]).toEqual([201, 201]);
    const [numberA, numberB] = [a.body[0].service_request_id, b.body[0].service_request_id];
    t.env.clock.set('2026-11-26T05:00:00Z'); // restored at 13:00
    await dispatcher('PATCH', `/api/v1/incidents/${incident.id}`, { status: 'restored', messageId: 'Air sudah mengalir normal' });
    const ticketA = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: numberA }).first();
    expect(ticketA).toMatchObject({ status: 'closed', fixed_at: null });

    t.env.clock.set('2026-11-26T08:00:00Z'); // 16:00, 3 h after: a re-report
    const again = await post(t.server.baseUrl, georeportForm({ ...here, phone: '0812 3030 0001' }, { bytes: await sharpPhoto() }));
    expect(again.status).toBe(200);
    const [reopened] = Open311Created.parse(again.body);
    expect(reopened.service_request_id).toBe(numberA);
    expect(reopened.service_notice).toContain('gangguan wilayah');
    // No crew went for it alone: nobody is "sent back", the admin checks it again (issue 13).
    expect(reopened.service_notice).not.toMatch(/tim dikirim|crew sent back/);
    expect(reopened.service_notice).toContain('diperiksa lagi oleh admin');
    expect(reopened.service_notice).toContain('check again');
    const afterA = await t.env.db('tickets').where({ id: ticketA.id }).first();
    expect(afterA).toMatchObject({ status: 'received', starred: true, repeat_count: 1, closed_at: null });
    const step = await t.env.db('ticket_events').where({ ticket_id: ticketA.id }).orderBy('id', 'desc').first();
    expect(step).toMatchObject({ action: 'reopen_restored', from_status: 'closed', to_status: 'received' });
    const open = await get(t.server.baseUrl, `/requests/${numberA}.json?jurisdiction_id=${t.env.utility.code}`);
    expect(open.body[0].status).toBe('open');
    const updates = await get(t.server.baseUrl, `/servicerequestupdates.json?jurisdiction_id=${t.env.utility.code}&start_date=2026-11-26T15:00:00%2B08:00&end_date=2026-11-26T17:00:00%2B08:00`);
    expect(updates.body.filter((u: any) => u.service_request_id === numberA).map((u: any) => u.status)).toEqual(['REOPEN']);

    t.env.clock.set('2026-11-26T12:00:00Z'); // 20:00, 7 h after: a new ticket, urgent, naming the earlier one
    const later = await post(t.server.baseUrl, georeportForm({ ...here, phone: '0812 3030 0002' }, { bytes: await sharpPhoto() }));
    expect(later.status).toBe(201);
    const newNumber = later.body[0].service_request_id;
    expect(newNumber).not.toBe(numberB);
    expect(later.body[0].service_notice).toContain(numberB);
    const linked = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: newNumber }).first();
    const earlierB = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: numberB }).first();
    expect(linked).toMatchObject({ urgent: true, parent_ticket_id: earlierB.id, status: 'received' });
  });
});
