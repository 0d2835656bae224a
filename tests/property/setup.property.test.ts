/**
 * Property: the admin's crew and staff set-up never answers 500, whatever the
 * body (any JSON, half-right crews and accounts, any CSV text or bytes as the
 * import file), and a refusal writes nothing: no crew, no account, no audit
 * row changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcOptions, nastyJson, nastyText, usePropertyFrame } from './support.js';
import { insideArea } from '../support/db.js';

const f = usePropertyFrame();
const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** What the set-up tables hold for the utility: changes only with a 2xx. */
async function setupFootprint(): Promise<string> {
  const id = f.env.utility.id;
  const [crews, staff, audit] = await Promise.all([
    f.env.db('crews').where({ utility_id: id }).orderBy('id').select('id', 'code', 'name', 'shifts', 'members', 'active', 'active_from', 'active_to', 'equipment', f.env.db.raw('ST_AsText(base) AS base')),
    f.env.db('staff_users').where({ utility_id: id }).orderBy('id').select('id', 'username', 'display_name', 'role', 'crew_id', 'active', 'phone', 'must_change_password', 'password_hash'),
    f.env.db('audit_log').where({ utility_id: id }).count<{ count: string }[]>('id as count'),
  ]);
  return JSON.stringify({ crews, staff, audit });
}

const time = fc.oneof(fc.constantFrom('07:30', '16:00', '00:00', '23:59', '24:00', '7:30', ''), nastyText);
const shift = fc.oneof(fc.constant(null), fc.record({ start: time, end: time }), nastyJson);
const crewBody = fc.record(
  {
    code: fc.oneof(fc.constantFrom('C1', 'P-1', ''), nastyText),
    name: fc.oneof(fc.constant('Regu Uji'), nastyText),
    base: fc.oneof(fc.constant(null), fc.record({ lat: fc.oneof(fc.constant(insideArea.lat), fc.double()), lon: fc.oneof(fc.constant(insideArea.lon), fc.double()) }), nastyJson),
    members: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.constant('Andi'), nastyText), phone: fc.oneof(fc.constant(null), fc.constant('0812 1111 2222'), nastyText) }), { maxLength: 3 }), nastyJson),
    shifts: fc.oneof(fc.record(Object.fromEntries(days.map((d) => [d, shift]))), nastyJson),
    activeFrom: fc.oneof(fc.constantFrom(null, '2026-11-01', '2026-02-30'), nastyText),
    activeTo: fc.oneof(fc.constantFrom(null, '2026-10-01'), nastyText),
    equipment: fc.oneof(fc.array(nastyText, { maxLength: 3 }), nastyJson),
    active: fc.oneof(fc.boolean(), nastyJson),
  },
  { requiredKeys: [] },
);
const staffBody = fc.record(
  {
    username: fc.oneof(fc.constantFrom('admin', 'baru', 'A B'), nastyText),
    displayName: fc.oneof(fc.constant('Staf Uji'), nastyText),
    role: fc.oneof(fc.constantFrom('admin', 'crew', 'operator', 'boss'), nastyJson),
    crewId: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 2 ** 31 + 3 }), nastyJson),
    phone: fc.oneof(fc.constant(null), nastyText),
    active: fc.oneof(fc.constant(false), nastyJson),
  },
  { requiredKeys: [] },
);

async function send(method: string, path: string, body: unknown, asForm = false): Promise<number> {
  const headers: Record<string, string> = { authorization: `Bearer ${f.tokens.admin}` };
  let payload: BodyInit;
  if (asForm) payload = body as FormData;
  else {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${f.baseUrl}${path}`, { method, headers, body: payload });
  await res.arrayBuffer();
  return res.status;
}

describe('property: the crew and staff set-up never answers 500; a refusal writes nothing', () => {
  it('crews: any body to create or change one', async () => {
    await fc.assert(
      fc.asyncProperty(crewBody, fc.boolean(), async (body, update) => {
        // Never deactivate the crews the frame's crew leaders belong to: keep the frame usable.
        const path = update ? `/api/v1/admin/crews/${f.env.crews[1]}` : '/api/v1/admin/crews';
        const before = await setupFootprint();
        const status = await send(update ? 'PUT' : 'POST', path, body);
        expect(status).toBeLessThan(500);
        if (status >= 400) expect(await setupFootprint()).toBe(before);
      }),
      fcOptions(60),
    );
  });

  it('staff: any body to create or change an account', async () => {
    await fc.assert(
      fc.asyncProperty(staffBody, fc.constantFrom('POST', 'PATCH'), async (body, method) => {
        const path = method === 'POST' ? '/api/v1/admin/staff' : `/api/v1/admin/staff/${f.env.users.operator}`;
        const before = await setupFootprint();
        const status = await send(method, path, body);
        expect(status).toBeLessThan(500);
        if (status >= 400) expect(await setupFootprint()).toBe(before);
      }),
      fcOptions(60),
    );
  });

  it('import: any text or bytes as the file, named .csv or .xlsx', async () => {
    const header = fc.constantFrom('code,name,lat,lon,mon,members,equipment,base_address', 'code;name;lat;lon;mon;sun', 'foo', '');
    // Free-text columns (members, equipment, base_address) reach the database when the row is otherwise right.
    const row = fc
      .tuple(fc.oneof(fc.constant('I-9'), nastyText), fc.oneof(fc.constant(String(insideArea.lat)), nastyText), fc.oneof(fc.constant('08:00-16:00'), nastyText), nastyText, nastyText, nastyText)
      .map(([code, lat, mon, members, equipment, address]) => [code, 'Regu', lat, insideArea.lon, mon, members, equipment, address].map((c) => `"${String(c).replaceAll('"', '""')}"`).join(','));
    const text = fc.tuple(header, fc.array(row, { maxLength: 4 })).map(([h, rows]) => [h, ...rows].join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), fc.constantFrom('a.csv', 'a.xlsx', 'a'), fc.boolean(), async (content, name, dryRun) => {
        const form = new FormData();
        form.set('file', new Blob([content]), name);
        const before = await setupFootprint();
        const status = await send('POST', `/api/v1/admin/crews/import?dryRun=${dryRun}`, form, true);
        expect(status).toBeLessThan(500);
        if (status >= 400 || dryRun) expect(await setupFootprint()).toBe(before);
      }),
      fcOptions(60),
    );
  });
});
