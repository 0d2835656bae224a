/**
 * Issue 15: the admin sets up crews (form and CSV/XLSX import) over HTTP,
 * against real PostGIS: validation naming the field or the row and column,
 * duplicate codes, bad shifts and dates, a base outside the service area, role
 * checks, audit rows, an import that is all or nothing, and the planner
 * reading each weekday's shift.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { insideArea, loginAs, outsideArea, useTestServer } from '../support/db.js';
import { everyDay, weekdays } from '../../server/core/domain/crews.js';
import { crewsOnShift, dayClock } from '../../server/features/plans/day.service.js';
import { listCrews } from '../../server/features/utilities/service.js';

const t = useTestServer({ crews: 1 });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t.env.clock.set('2026-11-23T23:00:00Z'); // Tuesday 24 November, 07:00 WITA
  for (const who of ['admin', 'dispatcher', 'operator', 'crew1']) tokens[who] = await loginAs(t.server.baseUrl, t.env.utility, who);
});

async function call(method: string, url: string, body?: unknown, who = 'admin') {
  const res = await fetch(`${t.server.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, headers: res.headers };
}

async function upload(file: Buffer | string, name: string, dryRun: boolean, who = 'admin') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(typeof file === 'string' ? Buffer.from(file) : file)]), name);
  const res = await fetch(`${t.server.baseUrl}/api/v1/admin/crews/import?dryRun=${dryRun}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}` }, body: form });
  return { status: res.status, body: JSON.parse(await res.text()) };
}

const week = (start = '07:30', end = '16:00') => Object.fromEntries(weekdays.map((d) => [d, { start, end }]));
const crew = (over: Record<string, unknown> = {}) => ({
  code: 'URC-10',
  name: 'Tim URC Sepuluh',
  base: { lat: insideArea.lat, lon: insideArea.lon },
  baseAddress: 'Pos URC',
  members: [{ name: 'Andi', phone: '0812-3456-7890' }, { name: 'Budi' }],
  shifts: { ...week(), sun: null },
  activeFrom: '2026-11-01',
  activeTo: null,
  equipment: ['pompa lumpur', 'pipa HDPE'],
  ...over,
});
const fieldsOf = (body: { error: { details: { fields?: { field: string }[] } } }) => (body.error.details.fields ?? []).map((f) => f.field);
const auditOf = (objectId: number) => t.env.db('audit_log').where({ utility_id: t.env.utility.id, object_type: 'crew', object_id: objectId }).orderBy('id');

describe('crews through the form API', () => {
  let id: number;

  it('creates a crew with its week, members, dates and equipment; audited; the staff list shows it without phones', async () => {
    const res = await call('POST', '/api/v1/admin/crews', crew());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ code: 'URC-10', active: true, members: [{ name: 'Andi', phone: '+6281234567890' }, { name: 'Budi', phone: null }], activeFrom: '2026-11-01', equipment: ['pompa lumpur', 'pipa HDPE'] });
    expect(res.body.shifts.sun).toBeNull();
    expect(res.body.shifts.mon).toEqual({ start: '07:30', end: '16:00' });
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['crew.create']);
    expect(audit[0].actor_id).toBe(t.env.users.admin);
    const list = await call('GET', '/api/v1/crews', undefined, 'dispatcher');
    const listed = list.body.items.find((c: { id: number }) => c.id === id);
    expect(listed.members).toEqual(['Andi', 'Budi']);
    expect(JSON.stringify(list.body)).not.toContain('6281234567890');
  });

  it('names the field at fault: bad shift times, equal start and end, dates the wrong way round, a bad phone; nothing written', async () => {
    const before = await t.env.db('crews').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>('id as count');
    const bad = await call('POST', '/api/v1/admin/crews', crew({ code: 'URC-11', shifts: { ...week(), tue: { start: '25:00', end: '16:00' }, wed: { start: '08:00', end: '08:00' } }, activeFrom: '2026-12-01', activeTo: '2026-11-01', members: [{ name: 'Citra', phone: '12345' }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(bad.body)).toEqual(['members.0.phone']);
    const bad2 = await call('POST', '/api/v1/admin/crews', crew({ code: 'URC-11', shifts: { ...week(), tue: { start: '25:00', end: '16:00' }, wed: { start: '08:00', end: '08:00' } }, activeFrom: '2026-12-01', activeTo: '2026-11-01' }));
    expect(bad2.status).toBe(400);
    expect(fieldsOf(bad2.body)).toEqual(['shifts.tue', 'shifts.wed', 'activeTo']);
    expect(bad2.body.error.message).toContain('before the start');
    const noBase = await call('POST', '/api/v1/admin/crews', crew({ code: 'URC-11', base: null }));
    expect(fieldsOf(noBase.body)).toEqual(['base']);
    const after = await t.env.db('crews').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>('id as count');
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses a duplicate code (409 naming code) and a base outside the service area (naming base)', async () => {
    const dup = await call('POST', '/api/v1/admin/crews', crew({ name: 'Another' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const outside = await call('POST', '/api/v1/admin/crews', crew({ code: 'URC-12', base: outsideArea }));
    expect(outside.status).toBe(400);
    expect(fieldsOf(outside.body)).toEqual(['base']);
    expect(outside.body.error.message).toContain('outside the service area');
    // Editing a crew to another's code is refused too.
    const other = await call('PUT', `/api/v1/admin/crews/${t.env.crews[0]}`, crew());
    expect(other.status).toBe(409);
  });

  it('edits and deactivates (audited with what changed); the planner stops seeing a deactivated crew', async () => {
    const edited = await call('PUT', `/api/v1/admin/crews/${id}`, crew({ name: 'Tim URC 10', equipment: ['excavator'] }));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Tim URC 10', equipment: ['excavator'] });
    const off = await call('PUT', `/api/v1/admin/crews/${id}`, crew({ name: 'Tim URC 10', equipment: ['excavator'], active: false }));
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['crew.create', 'crew.update', 'crew.deactivate']);
    expect(audit[1].details.changes).toEqual({ name: { from: 'Tim URC Sepuluh', to: 'Tim URC 10' }, equipment: { from: ['pompa lumpur', 'pipa HDPE'], to: ['excavator'] } });
    expect((await listCrews(t.env.db, t.env.utility.id)).map((c) => c.id)).not.toContain(id);
    const all = await call('GET', '/api/v1/admin/crews');
    expect(all.body.items.find((c: { id: number }) => c.id === id).active).toBe(false);
  });

  it('is the admin\'s: other roles get 403, an unknown id 404', async () => {
    for (const who of ['dispatcher', 'operator', 'crew1']) {
      expect((await call('GET', '/api/v1/admin/crews', undefined, who)).status).toBe(403);
      expect((await call('POST', '/api/v1/admin/crews', crew({ code: 'X-1' }), who)).status).toBe(403);
    }
    expect((await call('PUT', '/api/v1/admin/crews/999999999', crew({ code: 'X-1' }))).status).toBe(404);
  });
});

describe('the planner reads each weekday of the week', () => {
  it('a crew off on the plan day, or outside its active dates, is not on shift; the others are, with that day\'s times', async () => {
    const env = t.env;
    const [c1] = env.crews;
    // Tuesday 2026-11-24: crew 1 works 06:00-14:00 on Tuesdays only.
    await env.db('crews').where({ id: c1 }).update({ shifts: JSON.stringify(weekdays.map((d) => (d === 'tue' ? { start: '06:00', end: '14:00' } : null))) });
    try {
      const tuesday = dayClock('2026-11-24', env.utility.timeZone);
      const onTuesday = await crewsOnShift(env.ctx, env.utility, tuesday, 0);
      const mine = onTuesday.find((s) => s.crew.id === c1)!;
      expect(mine.endSeconds - mine.startSeconds).toBe(8 * 3600);
      expect(mine.startSeconds).toBe(6 * 3600);
      const wednesday = dayClock('2026-11-25', env.utility.timeZone);
      const onWednesday = await crewsOnShift(env.ctx, env.utility, wednesday, 0).catch((e) => e);
      expect(Array.isArray(onWednesday) ? onWednesday.map((s) => s.crew.id) : onWednesday.code).not.toContain(c1);
      await env.db('crews').where({ id: c1 }).update({ active_to: '2026-11-23' });
      const ended = await crewsOnShift(env.ctx, env.utility, tuesday, 0).catch((e) => e);
      expect(Array.isArray(ended) ? ended.map((s) => s.crew.id) : ended.code).not.toContain(c1);
    } finally {
      await env.db('crews').where({ id: c1 }).update({ shifts: JSON.stringify(everyDay('08:00', '16:00')), active_to: null });
    }
  });
});

describe('import from CSV and XLSX', () => {
  it('serves the template in both formats, and the template imports as it is', async () => {
    const csv = await call('GET', '/api/v1/admin/crews/template.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('template-regu.csv');
    expect(String(csv.body).split('\n')[0]).toContain('code,name,lat,lon,base_address,members,mon,tue,wed,thu,fri,sat,sun,active_from,active_to,equipment,active');
    const xlsx = await fetch(`${t.server.baseUrl}/api/v1/admin/crews/template.xlsx`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('code');
    // The template's example base is in Makassar: moved into the test area, it previews clean.
    const fixed = String(csv.body).replace('-5.1477', String(insideArea.lat)).replace('119.4327', String(insideArea.lon));
    const preview = await upload(fixed, 'template-regu.csv', true);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ rows: [{ row: 2, code: 'URC-01', name: 'Tim URC Panakkukang', action: 'create' }], problems: [] });
    expect((await t.env.db('crews').where({ utility_id: t.env.utility.id, code: 'URC-01' })).length).toBe(0); // a dry run writes nothing
  });

  it('the dry run lists every problem by row and column; the import of the same file writes nothing', async () => {
    const header = 'code;name;lat;lon;members;mon;tue;wed;thu;fri;sat;sun;active_from;active_to;equipment';
    const rows = [
      `A-1;Tim A;${insideArea.lat};${insideArea.lon};Andi (0812-1111-2222);07:00-15:00;07:00-15:00;07:00-15:00;07:00-15:00;07:00-15:00;;libur;;;pompa`,
      `A-2;Tim B;${outsideArea.lat};${outsideArea.lon};Budi;07:00-15:00;;;;;;;;;`,
      `A-3;Tim C;${insideArea.lat};${insideArea.lon};Citra (123);7 pagi;08:00-08:00;;;;;;2026-12-01;2026-11-01;`,
      `A-1;Tim D;${insideArea.lat};${insideArea.lon};;07:00-15:00;;;;;;;;;`,
    ];
    const file = `${header}\n${rows.join('\n')}\n`;
    const preview = await upload(file, 'crews.csv', true);
    expect(preview.status).toBe(200);
    expect(preview.body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(['3:lat', '4:members', '4:mon', '4:tue', '4:active_to', '5:code']);
    expect(preview.body.problems.find((p: { row: number }) => p.row === 3).message).toContain('outside the service area');
    expect(preview.body.problems.find((p: { row: number }) => p.row === 3).messageId).toContain('di luar wilayah layanan');
    const imported = await upload(file, 'crews.csv', false);
    expect(imported.status).toBe(400);
    expect(imported.body.error.code).toBe('VALIDATION_FAILED');
    expect(imported.body.error.message).toContain('row 3');
    expect(imported.body.error.details.problems).toHaveLength(6);
    expect(await t.env.db('crews').where({ utility_id: t.env.utility.id }).whereIn('code', ['A-1', 'A-2', 'A-3'])).toEqual([]);
  });

  it('imports XLSX all at once, upserting by code (Excel times and dates read back), each crew audited', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('crews');
    ws.addRow(['code', 'name', 'lat', 'lon', 'members', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'active_from', 'equipment', 'active']);
    ws.addRow(['B-1', 'Tim Baru', insideArea.lat, insideArea.lon, 'Dewi (0813-2222-3333); Eko', '07:00-15:00', '07:00-15:00', '07:00-15:00', '07:00-15:00', '07:00-15:00', '', '', new Date(Date.UTC(2026, 10, 1)), 'excavator; pipa', 'ya']);
    ws.addRow(['C1', 'Crew 1 renamed', insideArea.lat, insideArea.lon, '', '22:00-06:00', '22:00-06:00', '22:00-06:00', '22:00-06:00', '22:00-06:00', '22:00-06:00', '22:00-06:00', '', '', 'ya']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await upload(buffer, 'crews.xlsx', true);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update']);
    const imported = await upload(buffer, 'crews.xlsx', false);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const crews = await listCrews(t.env.db, t.env.utility.id, false);
    const created = crews.find((c) => c.code === 'B-1')!;
    expect(created).toMatchObject({ name: 'Tim Baru', activeFrom: '2026-11-01', equipment: ['excavator', 'pipa'], members: [{ name: 'Dewi', phone: '+6281322223333' }, { name: 'Eko', phone: null }] });
    expect(created.shifts[5]).toBeNull();
    const updated = crews.find((c) => c.code === 'C1')!;
    expect(updated.id).toBe(t.env.crews[0]);
    expect(updated.name).toBe('Crew 1 renamed');
    expect(updated.shifts[0]).toEqual({ start: '22:00', end: '06:00' });
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, object_type: 'crew' }).whereIn('object_id', [created.id, updated.id]).orderBy('id');
    expect(audit.map((a) => `${a.action} ${a.details.via}`)).toEqual(['crew.create import', 'crew.update import']);
    // Put crew 1 back for the other tests.
    await t.env.db('crews').where({ id: updated.id }).update({ name: 'Crew 1', shifts: JSON.stringify(everyDay('08:00', '16:00')) });
  });

  it('refuses a file without the template\'s header, an empty upload, and other roles', async () => {
    const noHeader = await upload('foo,bar\n1,2\n', 'x.csv', true);
    expect(noHeader.status).toBe(200);
    expect(noHeader.body.problems[0]).toMatchObject({ row: 1, column: 'file' });
    expect(noHeader.body.problems[0].message).toContain('code, name');
    const form = new FormData();
    const empty = await fetch(`${t.server.baseUrl}/api/v1/admin/crews/import?dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` }, body: form });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { field: string } }).error.field).toBe('file');
    expect((await upload('code,name\n', 'x.csv', true, 'dispatcher')).status).toBe(403);
  });
});
