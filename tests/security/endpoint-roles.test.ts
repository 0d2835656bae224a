/**
 * Issue 11, finding 1: nobody reads what is not theirs. Walks every endpoint
 * of the OpenAPI document x every role (and anonymous) x own / not own, and
 * fails on a leak:
 * - the reporter's name, phone or stored address in a body of a role that must
 *   not read them (only the admin, the operator and the crew assigned to that
 *   ticket do: features/auth/viewer.ts);
 * - a crew reading, acting on or downloading the photo of a ticket that is not
 *   its own (404, never 403: ids cannot be probed).
 * A documented path that is neither probed here nor listed in `noPersonalData`
 * (with the reason) fails the test, so a new endpoint is caught. The
 * endpoint x role table is printed (and its ticket rows asserted).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';
import { openApiDocument } from '../../server/platform/http/openapi.js';

const t = useTestServer({ crews: 2 });

const roleNames = ['admin', 'operator', 'dispatcher', 'crew1', 'kasie', 'kabag', 'direktur'] as const;
type Who = (typeof roleNames)[number] | 'anon';
const everyone: readonly Who[] = ['anon', ...roleNames];

/**
 * Documented operations that carry no reporter data, with the reason. Each
 * must exist in the document (a stale entry fails too).
 */
const noPersonalData: Record<string, string> = {
  'POST /api/v1/auth/login': 'the session token and the staff member',
  'POST /api/v1/auth/logout': 'no body',
  'POST /api/v1/auth/password': 'no body',
  'POST /api/v1/reports': "the sender's own receipt: number, status, region",
  'POST /api/v1/tickets': "the receipt of a report staff entered: number, status, region",
  'POST /open311/v2/requests.{format}': "the sender's own receipt (token / id)",
  'POST /open311/v2/servicerequestupdates.{format}': "the sender's own receipt: the update_id",
  'POST /api/v1/open311/queue/{token}/accept': 'the token and the new ticket number',
  'POST /api/v1/open311/queue/{token}/refuse': 'the token',
  'POST /api/v1/plans': 'the plan, the same shape as GET /api/v1/plans/{id} (probed); with Prefer: respond-async the solve job, the shape of GET /api/v1/plan-jobs/{id} (probed)',
  'DELETE /api/v1/plan-jobs/{id}': 'the solve job, the shape of GET /api/v1/plan-jobs/{id} (probed): state, step, percent, the plan id it made',
  'POST /api/v1/crews/{id}/position': "the crew's own position",
  'POST /api/v1/dispatch': 'the immediate-dispatch plan change, the shape of GET /api/v1/dispatch/suggestions (probed)',
  'POST /api/v1/inbox/{id}/read': 'no body',
  'PUT /api/v1/analytics/pending/{id}/explanation': 'the explanation the kabag typed',
  'PATCH /api/v1/settings': 'settings',
  'PUT /api/v1/settings/webhooks': 'webhook targets',
  'POST /api/v1/geography/preview': 'the service area and regions the admin sent, with their problems',
  'PUT /api/v1/geography': 'the service area and regions the admin sent',
  'PUT /api/v1/categories/{code}': 'the leak categories',
  'POST /api/v1/incidents': 'the incident (title, area, message)',
  'POST /api/v1/platform/utilities': "the server operator's (PLATFORM_TOKEN): the new utility and its admin's one-time password",
  'PATCH /api/v1/incidents/{id}': 'the incident (title, area, message)',
  'POST /api/v1/answers': 'a standard answer of the knowledge base',
  'PUT /api/v1/answers/{id}': 'a standard answer of the knowledge base',
  'POST /api/v1/follow-up/by-phone': "the proven phone's own reports: numbers, statuses, dates, their links; not even the phone (tests/citizen/phone-lookup.test.ts)",
  'POST /api/v1/follow-up': "the reporter's own report through their signed link: the public status (tests/citizen/follow-up.test.ts)",
  'POST /api/v1/reporters/unblock': 'the reporter to the admin and the operator only (the roles that read reporters)',
  'POST /api/v1/ratings': 'the number and the score just given',
  'PUT /api/v1/charter': 'the public charter',
  'POST /api/v1/notifications/deliveries/{id}/retry': 'no body',
  'PUT /api/v1/notifications/templates/{kind}/{lang}': 'no body',
  'DELETE /api/v1/notifications/templates/{kind}/{lang}': 'no body',
  'POST /api/v1/notifications/templates/preview': 'the text filled with example values',
  'PUT /api/v1/notifications/channels/{channel}': 'no body',
  'DELETE /api/v1/notifications/channels/{channel}': 'no body',
  'POST /api/v1/notifications/replies': 'whether the reply was an opt-out or an opt-in',
  'POST /api/v1/inbound/whatsapp': 'counts of messages taken in',
  'PUT /api/v1/tickets/{id}/reporter-contact': "the reporter's channel and language, to the admin and the operator only (the roles that read reporters)",
  'POST /api/v1/inbound/gateway/{channel}': 'counts of messages taken in',
  'POST /api/v1/verifications': 'the verification id and expiry (the code goes to the phone only)',
  'POST /api/v1/verifications/{id}/confirm': "the token and the caller's own phone",
  'POST /api/v1/admin/crews': 'the crew as the admin set it up (admin only)',
  'PUT /api/v1/admin/crews/{id}': 'the crew as the admin set it up (admin only)',
  'POST /api/v1/admin/crews/import': 'the rows and problems of the uploaded file (admin only)',
  'POST /api/v1/admin/staff': "the new account and its one-time password, to the admin only",
  'PATCH /api/v1/admin/staff/{id}': 'the staff account (admin only)',
  'POST /api/v1/admin/staff/{id}/password-reset': "the account and its one-time password, to the admin only",
};

/** Families of operations listed by pattern (each must match at least one documented operation). */
const noPersonalDataPatterns: [RegExp, string][] = [
  [/^(POST|PUT|PATCH|DELETE) \/api\/v1\/plans\/\{id\}(\/.*)?$/, 'a change to a plan answers the plan: the shape of GET /api/v1/plans/{id} (probed)'],
];

/** A reporter's personal data, unique per ticket, as it may appear in a body. */
interface Pii {
  name: string;
  phoneDigits: string; // national digits, found in any formatting
  home: string; // the reporter's stored address (not the leak's landmark)
}

interface Fixture {
  id: number;
  number: string;
  photoId: number;
  pii: Pii;
}

const f: Record<'own' | 'ownClosed' | 'otherCrew' | 'unassigned' | 'planned', Fixture> = {} as never;
/** The tickets assigned to crew1 (the planned one goes where the planner puts it). */
const ownIds = new Set<number>();
const tokens = {} as Record<Who | 'crew2', string | null>;
let planId = 999_999;
/** A report journalled under load (202): its receipt's token. */
let receiptToken = '00000000-0000-4000-8000-000000000000';
let jobId = '00000000-0000-4000-8000-000000000000';
const DATE = '2026-11-24';

async function call(who: Who | 'crew2', method: string, path: string, body?: unknown | FormData, extra: Record<string, string> = {}): Promise<{ status: number; text: string; cacheControl: string | null; json: () => any }> {
  const headers: Record<string, string> = { ...extra };
  if (tokens[who]) headers.authorization = `Bearer ${tokens[who]}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  const buf = Buffer.from(await res.arrayBuffer());
  const text = (res.headers.get('content-type') ?? '').startsWith('image/') ? `<${buf.length} image bytes>` : buf.toString('utf8');
  return { status: res.status, text, cacheControl: res.headers.get('cache-control'), json: () => JSON.parse(text) };
}

async function photoForm(): Promise<FormData> {
  const form = new FormData();
  form.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  return form;
}

/** A citizen's report with a name, a phone and an address; the reporter's stored address is then set apart from the ticket's landmark. */
async function report(key: string, phone: string, at: { lat: number; lon: number }): Promise<Fixture> {
  const form = await photoForm();
  const pii: Pii = { name: `Pelapor ${key} Rahasia`, phoneDigits: phone.replace(/\D/g, '').replace(/^0/, ''), home: `Jl. Rumah ${key} No. 42` };
  for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(at.lat), lon: String(at.lon), phone, name: pii.name, address: `Depan warung ${key}` })) form.set(k, v);
  const res = await call('anon', 'POST', '/api/v1/reports', form);
  expect(res.status).toBe(201);
  const number = res.json().number as string;
  const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
  await t.env.db('reporters').where({ id: ticket.reporter_id }).update({ address: pii.home });
  const photo = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
  return { id: ticket.id, number, photoId: photo.id, pii };
}

async function step(who: Who | 'crew2', id: number, action: string, body: unknown | FormData = {}): Promise<void> {
  const res = await call(who, 'POST', `/api/v1/tickets/${id}/${action}`, body);
  expect(res.status, `${who} ${action}: ${res.text}`).toBe(200);
}

const leakOf = (text: string, pii: Pii): string[] => {
  const found: string[] = [];
  if (text.includes(pii.name)) found.push('name');
  if (text.replace(/\D/g, '').includes(pii.phoneDigits)) found.push('phone');
  if (text.includes(pii.home)) found.push('address');
  return found;
};

/** Who may read the reporter of a ticket: admin, operator, and crew1 for its own tickets. */
const mayReadReporter = (who: Who, ticket: Fixture): boolean => who === 'admin' || who === 'operator' || (who === 'crew1' && ownIds.has(ticket.id));

/** One probed cell of the table. */
interface Cell {
  status: number;
  leaks: string[]; // "<ticket key>:<field>", for every ticket whose reporter shows
}
const table = new Map<string, Map<Who, Cell>>();

async function probe(label: string, who: Who, method: string, path: string, body?: unknown | FormData): Promise<{ status: number; text: string; cacheControl: string | null }> {
  const res = await call(who, method, path, body);
  const leaks: string[] = [];
  for (const [key, ticket] of Object.entries(f)) {
    for (const field of leakOf(res.text, ticket.pii)) {
      leaks.push(`${key}:${field}`);
      // The leak rule itself, at the moment it is seen.
      expect(mayReadReporter(who, ticket), `${who} reads the ${field} of the ${key} ticket's reporter in ${label}`).toBe(true);
    }
  }
  if (!table.has(label)) table.set(label, new Map());
  table.get(label)!.set(who, { status: res.status, leaks });
  return res;
}

const fill = (path: string, values: Record<string, string | number>) => path.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

beforeAll(async () => {
  t.env.clock.set('2026-11-23T23:00:00Z'); // 07:00 WITA on the 24th
  for (const who of everyone) tokens[who] = who === 'anon' ? null : await loginAs(t.server.baseUrl, t.env.utility, who);
  const [crew1, crew2] = t.env.crews;
  f.own = await report('A', '0812-7001-0001', { lat: insideArea.lat + 0.010, lon: insideArea.lon - 0.010 });
  f.ownClosed = await report('B', '0812-7001-0002', { lat: insideArea.lat - 0.010, lon: insideArea.lon - 0.010 });
  f.otherCrew = await report('C', '0812-7001-0003', { lat: insideArea.lat + 0.010, lon: insideArea.lon + 0.010 });
  f.unassigned = await report('D', '0812-7001-0004', { lat: insideArea.lat - 0.010, lon: insideArea.lon + 0.010 });
  f.planned = await report('E', '0812-7001-0005', { lat: insideArea.lat, lon: insideArea.lon - 0.005 });
  // A report journalled under load (INTAKE_JOURNAL_AT 0 for it): its receipt is probed like the rest.
  const journalled = await photoForm();
  for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat + 0.012), lon: String(insideArea.lon), phone: '0812-7001-0009', name: 'Pelapor J Rahasia' })) journalled.set(k, v);
  t.env.ctx.config.intakeJournalAt = 0;
  const accepted = await call('anon', 'POST', '/api/v1/reports', journalled).finally(() => {
    t.env.ctx.config.intakeJournalAt = Infinity;
  });
  expect(accepted.status, accepted.text).toBe(202);
  receiptToken = accepted.json().token;
  await step('admin', f.planned.id, 'spk', { priority: 'normal' });
  tokens.crew2 = await loginAs(t.server.baseUrl, t.env.utility, 'crew2');
  for (const [ticket, crewId] of [[f.own, crew1], [f.ownClosed, crew1], [f.otherCrew, crew2]] as const) {
    await step('admin', ticket.id, 'spk', { priority: 'high' });
    await step('dispatcher', ticket.id, 'assign', { crewId });
  }
  // own: on site (a plan does not move it); ownClosed and otherCrew: fixed and closed.
  await step('crew1', f.own.id, 'arrive');
  await step('crew1', f.ownClosed.id, 'arrive');
  await step('crew1', f.ownClosed.id, 'fix', await photoForm());
  await step('admin', f.ownClosed.id, 'close');
  await step('crew2', f.otherCrew.id, 'arrive');
  await step('crew2', f.otherCrew.id, 'fix', await photoForm());
  await step('admin', f.otherCrew.id, 'close');
  // A solve job (Prefer: respond-async) run to its end, for the job endpoints.
  const job = await call('dispatcher', 'POST', '/api/v1/plans', { date: DATE, objective: 'distance' }, { prefer: 'respond-async' });
  expect(job.status, job.text).toBe(202);
  jobId = job.json().id;
  let state = 'running';
  for (let i = 0; i < 600 && (state === 'running' || state === 'queued'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = (await call('dispatcher', 'GET', `/api/v1/plan-jobs/${jobId}`)).json().state;
  }
  expect(state, 'the solve job ends with a draft').toBe('done');
  // A day's plan (it places the planned ticket), for the plan and route endpoints.
  const plan = await call('dispatcher', 'POST', '/api/v1/plans', { date: DATE, objective: 'distance' });
  expect(plan.status, plan.text).toBe(201);
  planId = plan.json().id;
  // Published, so that the crews' route lists (and GPX) show it.
  const published = await call('dispatcher', 'POST', `/api/v1/plans/${planId}/publish`, {});
  expect(published.status, published.text).toBe(200);
  const mine = await t.env.db('tickets').where({ utility_id: t.env.utility.id, crew_id: crew1 }).select('id');
  for (const r of mine) ownIds.add(r.id);
  expect(ownIds.has(f.own.id) && ownIds.has(f.ownClosed.id) && !ownIds.has(f.otherCrew.id)).toBe(true);
}, 120_000);

describe('every endpoint x every role x own / not own', { timeout: 120_000 }, () => {
  it('covers every documented path: each is probed below or listed as carrying no personal data', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const probedHere = operations.filter((op) => op.startsWith('GET ') || /^POST \/api\/v1\/tickets\/\{id\}\/\w+$/.test(op));
    const listed = (op: string) => op in noPersonalData || noPersonalDataPatterns.some(([re]) => re.test(op));
    const unaccounted = operations.filter((op) => !probedHere.includes(op) && !listed(op));
    expect(unaccounted).toEqual([]);
    expect(Object.keys(noPersonalData).filter((op) => !operations.includes(op))).toEqual([]);
    expect(noPersonalDataPatterns.filter(([re]) => !operations.some((op) => re.test(op))).map(([re]) => String(re))).toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });

  // Every GET x every role x own / not own: over a hundred calls, slow on a loaded machine.
  it('GET: the reporter only to admin, operator and the own crew; a crew reads its own tickets and photos only (404 otherwise)', { timeout: 120_000 }, async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const gets = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path);
    const serviceCode = (await call('anon', 'GET', `/open311/v2/services.json?jurisdiction_id=${t.env.utility.code}`)).json()[0]?.service_code ?? 'x';
    const [crew1, crew2] = t.env.crews;
    /** The concrete requests of a documented GET path: own / not-own variants where ids matter. */
    const variants = (path: string): [string, string][] => {
      const q = (p: string) => `${p}${p.includes('?') ? '&' : '?'}jurisdiction_id=${t.env.utility.code}`;
      // Open311 answers each resource in XML and JSON with the same values (tests/open311/xml.test.ts): the JSON is probed.
      if (path.endsWith('.{format}')) return variants(path.replace('{format}', 'json'));
      switch (path) {
        case '/api/v1/tickets/{id}':
        case '/api/v1/tickets/{id}/merged':
          return Object.entries(f).map(([key, x]) => [`${path} ${key}`, fill(path, { id: x.id })]);
        case '/api/v1/crews/{id}/route':
          return [
            [`${path} own`, `${fill(path, { id: crew1 })}?date=${DATE}`],
            [`${path} own gpx`, `${fill(path, { id: crew1 })}?date=${DATE}&format=gpx`],
            [`${path} other crew`, `${fill(path, { id: crew2 })}?date=${DATE}`],
          ];
        case '/api/v1/reports/{number}':
          return [[path, q(fill(path, { number: f.own.number }))]];
        case '/api/v1/reports/receipts/{token}':
          return [
            [path, q(fill(path, { token: receiptToken }))],
            [`${path} unknown`, q(fill(path, { token: '00000000-0000-4000-8000-000000000000' }))],
          ];
        case '/open311/v2/requests/{service_request_id}.json':
          return [[path, q(fill(path, { service_request_id: f.own.number }))]];
        case '/open311/v2/services/{service_code}.json':
          return [[path, q(fill(path, { service_code: serviceCode }))]];
        case '/api/v1/tickets/{id}/photos/{photoId}':
          return []; // the photo files, every ticket x size x role: probed just below
        case '/open311/v2/tokens/{token}.json':
          return [[path, q(fill(path, { token: 'no-such-token' }))]];
        case '/api/v1/tickets':
          return [[path, `${path}?limit=500`]];
        case '/api/v1/plans':
        case '/api/v1/zones':
          return [[path, `${path}?date=${DATE}`]];
        case '/api/v1/dispatch/suggestions':
          return [[path, `${path}?ticketId=${f.planned.id}`]];
        case '/api/v1/plan-jobs/{id}':
          return [[path, fill(path, { id: jobId })]];
        case '/api/v1/notifications/deliveries/{id}/attempts':
          // Admin only; an attempt carries no reporter data (the delivery list, probed, names the recipient).
          return [[path, fill(path, { id: 1 })]];
        default:
          if (/^\/api\/v1\/plans\/\{id\}(\/[\w-]+)*$/.test(path)) return [[path, fill(path, { id: planId })]];
          expect(path, `a GET path with parameters needs its own / not-own variants here: ${path}`).not.toMatch(/\{/);
          return [[path, path.startsWith('/open311') ? q(path) : path]];
      }
    };
    for (const path of gets) {
      for (const [label, url] of variants(path)) {
        for (const who of everyone) {
          const res = await probe(`GET ${label}`, who, 'GET', url);
          if (tokens[who] && url.startsWith('/api/v1/') && !['/api/v1/config', '/api/v1/boundaries', '/api/v1/incidents'].some((p) => url.startsWith(p)) && !url.startsWith('/api/v1/reports/')) {
            expect(res.cacheControl, `${who} GET ${label}`).toBe('no-store');
          }
        }
      }
    }
    // The photo files (binary, no no-store: private caching), every ticket x every role.
    for (const [key, x] of Object.entries(f)) {
      for (const size of ['', '?size=thumb']) {
        for (const who of everyone) await probe(`GET /api/v1/tickets/{id}/photos/{photoId}${size} ${key}`, who, 'GET', `/api/v1/tickets/${x.id}/photos/${x.photoId}${size}`);
      }
    }

    const cell = (label: string, who: Who) => table.get(label)!.get(who)!;
    for (const who of everyone) {
      for (const [key, x] of Object.entries(f)) {
        const detail = cell(`GET /api/v1/tickets/{id} ${key}`, who);
        const own = ownIds.has(x.id);
        if (who === 'anon') expect(detail.status).toBe(401);
        else if (who === 'crew1' && !own) expect(detail, `crew1 reads ${key}`).toEqual({ status: 404, leaks: [] });
        else expect(detail.status).toBe(200);
        // Positive control: the roles that need the reporter get all of it (so the leak check can see it).
        if (who !== 'anon' && mayReadReporter(who, x)) expect(detail.leaks.sort()).toEqual([`${key}:address`, `${key}:name`, `${key}:phone`]);
        for (const size of ['', '?size=thumb']) {
          const photo = cell(`GET /api/v1/tickets/{id}/photos/{photoId}${size} ${key}`, who);
          expect(photo.status, `${who} photo${size} of ${key}`).toBe(who === 'anon' ? 401 : who === 'crew1' && !own ? 404 : 200);
        }
      }
    }
    // The crew's list holds its own tickets only.
    const list = (await call('crew1', 'GET', '/api/v1/tickets?limit=500')).json();
    expect(list.items.map((x: { id: number }) => x.id).sort()).toEqual([...ownIds].sort());
    expect((await call('crew1', 'GET', `/api/v1/tickets?limit=500&crewId=${crew2}`)).json().items).toEqual([]);
    // Its own route list and GPX: read; another crew's: refused (crew ids are listed by GET /api/v1/crews: nothing to probe).
    expect(cell(`GET /api/v1/crews/{id}/route own`, 'crew1').status).toBe(200);
    expect(cell(`GET /api/v1/crews/{id}/route own gpx`, 'crew1').status).toBe(200);
    expect(cell(`GET /api/v1/crews/{id}/route other crew`, 'crew1').status).toBe(403);
  });

  it('POST actions: a crew gets 404 on a ticket not its own (before its status is judged), and no error body carries a reporter', { timeout: 120_000 }, async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const actions = Object.entries(doc.paths)
      .filter(([, ops]) => 'post' in ops)
      .map(([p]) => /^\/api\/v1\/tickets\/\{id\}\/(\w+)$/.exec(p)?.[1])
      .filter((a): a is string => a !== undefined);
    expect(actions.length).toBeGreaterThanOrEqual(11);
    const crewActions = ['arrive', 'escalate', 'fix'];
    // Closed tickets (own and another crew's): no step applies, so nothing changes whoever asks;
    // the unassigned (received) one is asked by the crew only (the admin could validate it).
    for (const action of actions) {
      for (const [key, x] of [['ownClosed', f.ownClosed], ['otherCrew', f.otherCrew], ['unassigned', f.unassigned]] as const) {
        for (const who of key === 'unassigned' ? (['anon', 'crew1'] as const) : everyone) {
          const res = await probe(`POST /api/v1/tickets/{id}/${action} ${key}`, who, 'POST', `/api/v1/tickets/${x.id}/${action}`, { note: 'uji', reason: 'uji', priority: 'high', crewId: t.env.crews[0] });
          if (who === 'crew1' && crewActions.includes(action)) expect(res.status, `crew1 ${action} ${key}`).toBe(key === 'ownClosed' ? 409 : 404);
          // A step the crew may never take: refused as such (403), which tells nothing about the id.
          if (who === 'crew1' && !crewActions.includes(action)) expect(res.status, `crew1 ${action} ${key}`).toBe(403);
          expect(res.status).not.toBe(200);
        }
      }
    }
    const closed = await t.env.db('tickets').whereIn('id', [f.ownClosed.id, f.otherCrew.id]).select('status');
    expect(closed.map((r) => r.status)).toEqual(['closed', 'closed']);
    // A step that succeeds answers the ticket as its reader may see it.
    const byDispatcher = await probe('POST /api/v1/tickets/{id}/priority own (200)', 'dispatcher', 'POST', `/api/v1/tickets/${f.own.id}/priority`, { priority: 'critical' });
    expect(byDispatcher.status).toBe(200);
    expect(JSON.parse(byDispatcher.text).reporter).toBeNull();
    const byAdmin = await probe('POST /api/v1/tickets/{id}/priority own (200)', 'admin', 'POST', `/api/v1/tickets/${f.own.id}/priority`, { priority: 'high' });
    expect(byAdmin.status).toBe(200);
    expect(JSON.parse(byAdmin.text).reporter.phone).toContain(f.own.pii.phoneDigits);
  });

  it('prints the endpoint x role table', () => {
    const width = Math.max(...[...table.keys()].map((k) => k.length));
    const lines = [`${'endpoint'.padEnd(width)} | ${everyone.map((w) => w.padEnd(9)).join(' ')}`];
    for (const [label, row] of table) {
      lines.push(
        `${label.padEnd(width)} | ${everyone
          .map((w) => {
            const c = row.get(w);
            return (c ? `${c.status}${c.leaks.length ? ' P' : ''}` : '-').padEnd(9);
          })
          .join(' ')}`,
      );
    }
    // P: the reporter's name, phone and address are in the body (allowed only where asserted above).
    console.log(lines.join('\n'));
    expect(table.size).toBeGreaterThan(40);
  });
});
