/**
 * Issue 15, "Done when": a new utility is set up from nothing to a planned day
 * without SQL or the seed script, in a real browser: the server operator
 * creates it (platform API), its first admin logs in, imports the service area
 * and regions from a GeoJSON file of real Makassar kelurahan on #/atur-wilayah,
 * two crews and their staff are added on #/atur-regu and #/atur-staf (each
 * account changing its one-time password at its first login), a citizen reports a leak on #/lapor,
 * the admin issues the SPK from the queue and the dispatcher plans the day on
 * #/peta: the published plan holds the ticket.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photosAnalysed, sharpPhoto, startServer, useTestServer } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';
import { findUtilityById } from '../../server/features/utilities/repository.js';
import { addCrewsInConsole, addStaffInConsole, firstLoginInConsole } from '../support/setup-steps.js';

const t = useTestServer({ crews: 0 });
const { newPage } = useConsole(t);
const PLATFORM_TOKEN = crypto.randomBytes(32).toString('base64url');
const code = `utara-${crypto.randomBytes(3).toString('hex')}`;
const STAFF_PASSWORD = 'regu-utara-2026';
const fixture = path.resolve('tests/e2e/fixtures/makassar-utara.geojson');
let platform: { baseUrl: string; close(): Promise<void> };

beforeAll(async () => {
  platform = await startServer({ ...t.env.ctx, config: { ...t.env.ctx.config, platformToken: PLATFORM_TOKEN } });
});
afterAll(async () => {
  await platform?.close();
  await t.env.db('utilities').where({ code }).delete();
});

/** A JSON call; the platform API is served by the server that has the operator's token. */
async function json(method: string, url: string, body: unknown, token: string) {
  const base = url.startsWith('/api/v1/platform/') ? platform.baseUrl : t.server.baseUrl;
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('a new utility, from nothing to a planned day', { timeout: 300_000 }, () => {
  it('create, import the area and regions from a file, add crews and staff, take a report, issue the SPK, plan the day', async () => {
    t.env.clock.set('2026-11-24T01:00:00Z'); // Tuesday 09:00 WITA: the crews are on shift

    // 1. The server operator creates the utility and its first admin.
    const created = await json('POST', '/api/v1/platform/utilities', { code, name: 'PDAM Uji Makassar Utara', timeZone: 'Asia/Makassar' }, PLATFORM_TOKEN);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const utilityId = created.body.utility.id as number;
    const firstPassword = created.body.admin.password as string;

    // 2. The admin logs in with the password printed once, and must change it on the first-login screen.
    const consoleUrl = `${t.server.baseUrl}/?jurisdiction_id=${code}`;
    const admin = await newPage(desktop);
    await firstLoginInConsole(admin, consoleUrl, 'admin', firstPassword, 'admin-utara-2026');

    // 3. The admin imports the regions from a GeoJSON file; the service area is their union.
    await admin.click('#nav-setup a[href="#/atur-wilayah"]');
    await admin.waitForSelector('main [data-ready="true"] #geo-map canvas');
    expect(await admin.textContent('#geo-summary')).toContain('Belum ada wilayah pelayanan');
    await admin.setInputFiles('#geo-file', fixture);
    await admin.waitForSelector('main [data-state="read"]');
    await admin.selectOption('#geo-mode', 'regions-union');
    // The file's kelurahan grouped by their kecamatan: one region each.
    await admin.selectOption('#geo-name', 'kecamatan');
    await admin.click('#geo-preview');
    await admin.waitForSelector('main [data-state="previewed"]');
    expect(await admin.textContent('#geo-plan-summary')).toContain('2 wilayah');
    expect(await t.env.db('service_regions').where({ utility_id: utilityId }).count<{ count: string }[]>({ count: '*' })).toEqual([{ count: 0 }]);
    await admin.click('#geo-save');
    await admin.waitForSelector('main [data-state="saved"]');
    const regions = await t.env.db('service_regions').where({ utility_id: utilityId }).orderBy('id').select('name', t.env.db.raw('ST_Area(area) / 1e6 AS km2'));
    expect(regions.map((r) => r.name)).toEqual(['Biring Kanaya', 'Tamalanrea']);
    // The kelurahan of each kecamatan dissolved: tens of km² each, together the service area.
    expect(Number(regions[0].km2)).toBeGreaterThan(30);
    expect(Number(regions[1].km2)).toBeGreaterThan(25);
    const area = await t.env.db('utilities').where({ id: utilityId }).first(t.env.db.raw('ST_Area(service_area) / 1e6 AS km2'));
    expect(Number(area.km2)).toBeCloseTo(Number(regions[0].km2) + Number(regions[1].km2), 1);
    expect(await admin.textContent('#geo-regions')).toContain('Tamalanrea');

    // 4. Two crews (a base in each region) and their staff, on #/atur-regu and #/atur-staf.
    const bases = (
      await t.env.db.raw(`SELECT name, ST_Y(p) AS lat, ST_X(p) AS lon FROM (SELECT name, id, ST_PointOnSurface(area::geometry) AS p FROM service_regions WHERE utility_id = ?) s ORDER BY id`, [utilityId])
    ).rows as { name: string; lat: number; lon: number }[];
    await addCrewsInConsole(
      admin,
      bases.map((b, i) => ({ code: `URC-${i + 1}`, name: `URC ${b.name}`, lat: b.lat, lon: b.lon, members: ['Andi', 'Baso (0812-1515-0100)'], equipment: ['pompa'] })),
    );
    const passwords = await addStaffInConsole(admin, [
      ...bases.map((b, i) => ({ username: `regu${i + 1}`, displayName: `Ketua URC ${b.name}`, role: 'crew' as const, crewCode: `URC-${i + 1}` })),
      { username: 'dispatcher', displayName: 'Dispatcher Utara', role: 'dispatcher' },
    ]);
    const crews = (await t.env.db('crews').where({ utility_id: utilityId }).orderBy('code').select('id')).map((c) => c.id as number);
    expect(crews).toHaveLength(2);

    // 5. A citizen reports a leak in Tamalanrea with the phone's GPS.
    const [spot] = (await t.env.db.raw(`SELECT ST_Y(p) AS lat, ST_X(p) AS lon FROM (SELECT ST_PointOnSurface(area::geometry) AS p FROM service_regions WHERE utility_id = ? AND name = 'Tamalanrea') s`, [utilityId])).rows;
    const citizen = await newPage(phone);
    await citizen.context().grantPermissions(['geolocation']);
    await citizen.context().setGeolocation({ latitude: spot.lat, longitude: spot.lon });
    await citizen.goto(`${t.server.baseUrl}/?jurisdiction_id=${code}#/lapor`);
    await citizen.waitForSelector('#report-map canvas');
    await citizen.setInputFiles('#photo', { name: 'bocor.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(1515) });
    await citizen.click('#gps');
    await expect.poll(() => citizen.textContent('#location-text')).toContain('Lokasi dipilih');
    await citizen.fill('#phone', '0812 1515 0001');
    await citizen.fill('#description', 'Pipa bocor dekat kampus');
    await citizen.click('#send');
    await citizen.waitForSelector('#receipt-number');
    const number = (await citizen.textContent('#receipt-number'))!.trim();
    await citizen.close();
    const ticket = await t.env.db('tickets as t').join('service_regions as r', 'r.id', 't.region_id').where({ 't.utility_id': utilityId, 't.number': number }).first('t.id', 'r.name as region');
    expect(ticket.region).toBe('Tamalanrea');
    await photosAnalysed({ ctx: t.env.ctx, utility: (await findUtilityById(t.env.db, utilityId))! });

    // 6. The admin validates it and issues the SPK from the queue.
    await admin.goto(`${t.server.baseUrl}/?jurisdiction_id=${code}#/antrian`);
    const card = admin.locator(`li[data-ticket="${ticket.id}"]`);
    await card.waitFor();
    await card.locator('select[name=priority]').selectOption('normal');
    await card.locator('button.spk').click();
    await expect.poll(() => card.textContent()).toContain('SPK SPK-');
    await admin.close();

    // 7. The dispatcher plans the day and publishes it: the plan holds the ticket.
    const dispatcher = await newPage(desktop);
    await firstLoginInConsole(dispatcher, consoleUrl, 'dispatcher', passwords.dispatcher, STAFF_PASSWORD);
    await dispatcher.goto(`${t.server.baseUrl}/?jurisdiction_id=${code}#/peta`);
    await dispatcher.click('#plan');
    await dispatcher.waitForSelector('#plan-card[data-status="draft"]');
    await dispatcher.click('#publish-plan');
    await dispatcher.waitForSelector('#plan-card[data-status="published"]');
    await dispatcher.close();
    const stored = await t.env.db('tickets').where({ id: ticket.id }).first('status', 'crew_id');
    expect(stored.status).toBe('assigned');
    expect(crews).toContain(stored.crew_id);
    const plan = await t.env.db('plans').where({ utility_id: utilityId, status: 'published' }).first('id');
    const dispatcherToken = await (await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: STAFF_PASSWORD, jurisdiction_id: code }) })).json();
    const res = await fetch(`${t.server.baseUrl}/api/v1/plans/${plan.id}`, { headers: { authorization: `Bearer ${dispatcherToken.token}` } });
    const published = (await res.json()) as { routes: { crewId: number; stops: { ticketId: number; number: string }[] }[] };
    const stop = published.routes.flatMap((r) => r.stops.map((s) => ({ ...s, crewId: r.crewId }))).find((s) => s.ticketId === ticket.id);
    expect(stop).toMatchObject({ number, crewId: stored.crew_id });
  });
});
