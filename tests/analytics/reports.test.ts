import ExcelJS from 'exceljs';
import { latLngToCell, cellToParent } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { loadFixture, NOW, P1, P2, P3, wita } from './fixture.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let ids: Record<string, number>;
let token: string;

beforeAll(async () => {
  env = await createTestEnv();
  ({ ids } = await loadFixture(env));
  // G's late response was escalated to the Kepala Seksi by the worker.
  await env.db('escalations').insert({
    utility_id: env.utility.id, ticket_id: ids.G, kind: 'respond', priority: null, level: 1, role: 'kasie', due_at: wita('2026-03-08 08:00'), detected_at: wita('2026-03-08 08:01'),
  });
  env.clock.set(NOW);
  server = await startServer(env.ctx);
  token = await loginAs(server.baseUrl, env.utility, 'kabag');
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

async function get(path: string, as = token) {
  const res = await fetch(`${server.baseUrl}/api/v1/analytics/${path}`, { headers: { authorization: `Bearer ${as}` } });
  return res;
}
async function json(path: string) {
  const res = await get(path);
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
const byKey = (groups: any[]) => Object.fromEntries(groups.map((g: any) => [g.key, g.tickets]));

async function xlsxSheets(path: string): Promise<Record<string, unknown[][]>> {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?test-[0-9a-f]+-[\w-]+\.xlsx"?$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[sheet.name] = rows;
  });
  return out;
}

describe('monthly, daily and yearly complaint reports (hand count)', () => {
  it('counts March by channel, category, priority, status and region', async () => {
    const r = await json('complaints?period=month&date=2026-03');
    expect(r.total.tickets).toBe(7);
    expect(byKey(r.byChannel)).toEqual({ app: 2, call_centre: 2, walk_in: 1, social_media: 1, email: 1 });
    expect(byKey(r.byCategory)).toEqual({ pipe_burst: 1, visible_leak: 2, meter_leak: 1, other: 2, no_water: 1 });
    expect(byKey(r.byPriority)).toEqual({ critical: 1, high: 1, normal: 2, untriaged: 3 });
    expect(byKey(r.byStatus)).toEqual({ closed: 1, fixed: 1, on_site: 1, assigned: 1, received: 2, rejected: 1 });
    expect(byKey(r.byRegion)).toEqual({ 'Region One': 5, 'Region Two': 2 });
    expect(r.series.map((g: any) => [g.key, g.tickets])).toEqual([['2026-03-08', 1], ['2026-03-09', 5], ['2026-03-10', 1]]);
  });

  it('measures SLA attainment and mean times as of now (respond at the first assignment, not the re-assignment)', async () => {
    const r = await json('complaints?period=month&date=2026-03');
    expect(r.total.respond).toEqual({ met: 2, breached: 3, pending: 1, attainment: 0.4 });
    expect(r.total.resolve).toEqual({ met: 2, breached: 2, pending: 2, attainment: 0.5 });
    expect(r.total.meanMinutesToRespond).toBe(347.5); // (10 + 40 + 1290 + 50) / 4
    expect(r.total.meanMinutesToResolve).toBe(420); // (180 + 660) / 2
    const regionTwo = r.byRegion.find((g: any) => g.key === 'Region Two');
    expect(regionTwo.respond).toEqual({ met: 1, breached: 1, pending: 0, attainment: 0.5 });
  });

  it('takes the day and the year in the utility’s time zone', async () => {
    const day = await json('complaints?period=day&date=2026-03-09');
    expect(day.total.tickets).toBe(5); // A, B, C, D, F
    expect(day.window.fromInstant).toBe('2026-03-08T16:00:00.000Z');
    expect(day.series.map((g: any) => [g.key, g.tickets])).toEqual([['08:00', 1], ['09:00', 1], ['10:00', 1], ['12:00', 1], ['18:00', 1]]);
    const year = await json('complaints?period=year&date=2026');
    expect(year.total.tickets).toBe(8);
    expect(year.series.map((g: any) => [g.key, g.tickets])).toEqual([['2026-02', 1], ['2026-03', 7]]);
    const before = await json('complaints?period=day&date=2026-03-07');
    expect(before.total.tickets).toBe(0);
    expect(before.total.respond.attainment).toBeNull();
  });

  it('downloads the same figures as CSV and as a real XLSX workbook', async () => {
    const csv = await get('complaints?period=month&date=2026-03&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const text = bytes.toString('utf8');
    const lines = text.split('\r\n');
    expect(lines).toContain('By channel');
    expect(lines.find((l) => l.startsWith('total,'))).toMatch(/^total,7,2,3,1,40\.0,2,2,2,50\.0,347\.50,420$/);
    expect(lines.find((l) => l.startsWith('Region Two,'))).toMatch(/^Region Two,2,1,1,0,50\.0,/);

    const sheets = await xlsxSheets('complaints?period=month&date=2026-03&format=xlsx');
    expect(Object.keys(sheets)).toEqual(['Total', 'By channel', 'By category', 'By priority', 'By status', 'By region', 'By day']);
    expect(sheets.Total[0][0]).toBe('Scope');
    expect(sheets.Total[1].slice(0, 6)).toEqual(['total', 7, 2, 3, 1, 0.4]);
    expect(sheets['By region'].slice(1).map((r) => [r[0], r[1]])).toEqual([['Region One', 5], ['Region Two', 2]]);
  });
});

describe('SLA attainment by priority, region and crew, with the breaches', () => {
  it('leaves rejected tickets out and lists every breach, oldest due first, with whom it was escalated to', async () => {
    const r = await json('sla?from=2026-03-01&to=2026-03-31');
    expect(r.total.tickets).toBe(6);
    const p = Object.fromEntries(r.byPriority.map((g: any) => [g.key, [g.respond.met, g.respond.breached, g.respond.pending, g.resolve.met, g.resolve.breached, g.resolve.pending]]));
    expect(p).toEqual({ critical: [1, 0, 0, 1, 0, 0], high: [0, 1, 0, 1, 0, 0], normal: [1, 1, 0, 0, 1, 1], untriaged: [0, 1, 1, 0, 1, 1] });
    const c = Object.fromEntries(r.byCrew.map((g: any) => [g.key, [g.tickets, g.respond.attainment, g.resolve.attainment]]));
    expect(c).toEqual({ 'Crew 1': [2, 0.5, 1], 'Crew 2': [2, 0.5, 0], '(no crew)': [2, 0, 0] });
    expect(r.breaches.total).toBe(5);
    expect(r.breaches.items.map((b: any) => [b.ticketId, b.kind, b.lateMinutes, b.escalatedTo])).toEqual([
      [ids.G, 'respond', 3120, 'kasie'],
      [ids.G, 'resolve', 1740, null],
      [ids.B, 'respond', 10, null],
      [ids.C, 'respond', 1230, null],
      [ids.C, 'resolve', 120, null],
    ]);
  });

  it('limits the breach list but keeps the count, and downloads it in local time', async () => {
    const r = await json('sla?from=2026-03-01&to=2026-03-31&breachLimit=2');
    expect([r.breaches.total, r.breaches.listed]).toEqual([5, 2]);
    const text = await (await get('sla?from=2026-03-01&to=2026-03-31&format=csv')).text();
    const row = text.split('\r\n').find((l) => l.startsWith('LK-2026-900001,'));
    expect(row).toBe('LK-2026-900001,high,Region One,Crew 1,respond,2026-03-09 09:30,2026-03-09 09:40,10,');
    const sheets = await xlsxSheets('sla?from=2026-03-01&to=2026-03-31&format=xlsx');
    expect(sheets.Breaches).toHaveLength(6);
    const due = sheets.Breaches[3][5] as Date; // B respond, shown as local wall-clock time
    expect(due.toISOString()).toBe('2026-03-09T09:30:00.000Z');
  });
});

describe('repeat rate (fixes that did not hold)', () => {
  it('counts D’s fix, sent back to the crew, against Crew 2 and Region Two', async () => {
    const r = await json('repeats?from=2026-03-01&to=2026-03-31');
    expect(r.total).toEqual({ key: 'total', fixes: 3, returned: 1, rate: 1 / 3 });
    expect(r.byCrew).toEqual([
      { key: 'Crew 2', fixes: 1, returned: 1, rate: 1 },
      { key: 'Crew 1', fixes: 2, returned: 0, rate: 0 },
    ]);
    expect(r.byRegion.map((g: any) => [g.key, g.fixes, g.returned])).toEqual([['Region Two', 1, 1], ['Region One', 2, 0]]);
    expect(r.definition).toContain('return_to_crew');
    const feb = await json('repeats?from=2026-02-01&to=2026-02-28');
    expect(feb.total).toMatchObject({ fixes: 1, returned: 0 });
  });
});

describe('pending over 24 hours (the directors’ weekly list)', () => {
  it('lists the open tickets older than 24 h, oldest first, and the Kabag’s explanation', async () => {
    let r = await json('pending');
    expect(r.items.map((i: any) => [i.ticketId, i.ageHours, i.priority, i.status, i.region, i.crew])).toEqual([
      [ids.G, 53, null, 'received', 'Region One', null],
      [ids.C, 26, 'normal', 'on_site', 'Region Two', 'Crew 2'],
    ]);
    expect(r.explained).toBe(0);

    const put = await fetch(`${server.baseUrl}/api/v1/analytics/pending/${ids.C}/explanation`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ explanation: 'Menunggu suku cadang meter dari gudang' }),
    });
    expect(put.status).toBe(200);
    r = await json('pending');
    expect(r.items[1]).toMatchObject({ explanation: 'Menunggu suku cadang meter dari gudang', explainedBy: 'Test kabag', explainedAt: NOW.toISOString() });
    expect(r.explained).toBe(1);

    const sheets = await xlsxSheets('pending?format=xlsx');
    const [sheet] = Object.values(sheets);
    expect(sheet[0]).toContain('Explanation (Kabag)');
    expect(sheet[2][0]).toBe('LK-2026-900002');
    expect(sheet[2][8]).toBe('Menunggu suku cadang meter dari gudang');
  });

  it('lets only the Kabag explain (403 FORBIDDEN for the Kepala Seksi)', async () => {
    const kasie = await loginAs(server.baseUrl, env.utility, 'kasie');
    const res = await fetch(`${server.baseUrl}/api/v1/analytics/pending/${ids.G}/explanation`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${kasie}`, 'content-type': 'application/json' },
      body: JSON.stringify({ explanation: 'x' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('FORBIDDEN');
  });
});

describe('heatmap', () => {
  const cell = (p: typeof P1, res: number) => latLngToCell(p.lat, p.lon, res);

  it('counts reports per H3 cell at the zoom’s resolution, leaving rejected reports and other months out', async () => {
    const r = await json('heatmap?from=2026-03-01&to=2026-03-31&zoom=12');
    expect(r.resolution).toBe(8);
    expect(r.cells.map((c: any) => [c.cell, c.count])).toEqual([[cell(P1, 8), 3], [cell(P2, 8), 2], [cell(P3, 8), 1]]);
    expect(r.total).toBe(6);
  });

  it('filters by priority and by map extent', async () => {
    const r = await json('heatmap?from=2026-03-01&to=2026-03-31&zoom=12&priority=critical,high');
    expect(r.cells.map((c: any) => [c.cell, c.count])).toEqual([[cell(P1, 8), 2]]);
    const box = [P2.lon - 0.002, P2.lat - 0.002, P2.lon + 0.002, P2.lat + 0.002].join(',');
    const boxed = await json(`heatmap?from=2026-03-01&to=2026-03-31&zoom=12&bbox=${box}`);
    expect(boxed.cells.map((c: any) => [c.cell, c.count])).toEqual([[cell(P2, 8), 2]]);
  });

  it('chooses coarser cells when zoomed out and finer ones when zoomed in', async () => {
    const out = await json('heatmap?from=2026-03-01&to=2026-03-31&zoom=9');
    expect(out.resolution).toBe(6);
    const parents = new Map<string, number>();
    for (const [p, n] of [[P1, 3], [P2, 2], [P3, 1]] as const) parents.set(cellToParent(cell(p, 8), 6), (parents.get(cellToParent(cell(p, 8), 6)) ?? 0) + n);
    expect(Object.fromEntries(out.cells.map((c: any) => [c.cell, c.count]))).toEqual(Object.fromEntries(parents));
    const fine = await json('heatmap?from=2026-03-01&to=2026-03-31&zoom=15');
    expect(fine.resolution).toBe(10);
    expect(fine.cells.map((c: any) => [c.cell, c.count])).toEqual([[cell(P1, 10), 3], [cell(P2, 10), 2], [cell(P3, 10), 1]]);
  });

  it('refuses a malformed extent (400 VALIDATION_FAILED on bbox)', async () => {
    const res = await get('heatmap?bbox=119.5,-5.1,119.4,-5.2');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.field).toBe('bbox');
  });
});

describe('access', () => {
  it('keeps the reports from crews (403) and from anonymous callers (401)', async () => {
    const crew = await loginAs(server.baseUrl, env.utility, 'crew1');
    expect((await get('complaints', crew)).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/api/v1/analytics/sla`)).status).toBe(401);
  });

  it('refuses a date that does not exist (400, on the date field)', async () => {
    const res = await get('complaints?period=day&date=2026-02-30');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.field).toBe('date');
  });
});

describe('documentation and time zones', () => {
  it('documents every analytics and inbox endpoint in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as any;
    for (const path of ['pending', 'pending/{id}/explanation', 'complaints', 'sla', 'repeats', 'heatmap', 'points']) {
      expect(Object.keys(doc.paths)).toContain(`/api/v1/analytics/${path}`);
    }
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/inbox', '/api/v1/inbox/{id}/read']));
    const params = doc.paths['/api/v1/analytics/heatmap'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['from', 'to', 'priority', 'bbox', 'zoom', 'format']));
  });

  it('cuts days in the utility’s own zone (a utility on UTC-10 sees other tickets on 9 March)', async () => {
    await env.db('utilities').where({ id: env.utility.id }).update({ time_zone: 'Pacific/Honolulu' });
    try {
      const day = await json('complaints?period=day&date=2026-03-09');
      expect(day.window.fromInstant).toBe('2026-03-09T10:00:00.000Z');
      expect(day.total.tickets).toBe(2); // D (10:00Z) and E (03:30Z on the 10th); not A, B, C, F
    } finally {
      await env.db('utilities').where({ id: env.utility.id }).update({ time_zone: 'Asia/Makassar' });
    }
  });
});
