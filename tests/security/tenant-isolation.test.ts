/**
 * Issue 15: one server, several utilities, each sealed from the others.
 *
 * Utility A and utility B each get the same working day (reports, an SPK, a
 * closed repair with points, a published plan, an incident, an escalation in
 * the inbox, a Kabag's explanation, a webhook). Then, for every operation of
 * the OpenAPI document:
 * - lists: every GET of A's users (every role) and of the public pages for A's
 *   jurisdiction answers byte for byte the same before and after B's day
 *   exists, and never carries one of B's marker strings;
 * - objects: every path naming an id, and every body naming a crew or a
 *   ticket, filled with B's ids, answers 404 to the A role that could act on
 *   its own (401/403 to the others, never 2xx), and B reads the same before
 *   and after all of it (nothing of B changed).
 * A documented operation neither probed here nor listed with a reason fails
 * the test, so a new endpoint is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, insideArea, loginAs, sharpPhoto, useTestServer, type TestEnv } from '../support/db.js';
import { journalCitizenReport, journalIdle } from '../../server/features/tickets/journal.service.js';
import { openApiDocument } from '../../server/platform/http/openapi.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';
import { act, spkTicket, staffUser, tick } from '../jobs/helpers.js';

const t = useTestServer({ crews: 2 });
let b: TestEnv;

const roleNames = ['admin', 'operator', 'dispatcher', 'crew1', 'kasie', 'kabag', 'direktur'] as const;
type Who = (typeof roleNames)[number] | 'anon';
const everyone: readonly Who[] = ['anon', ...roleNames];
type Side = 'a' | 'b';

const DATE = '2026-11-24';
const T0 = '2026-11-23T23:00:00Z'; // 07:00 WITA on the 24th

/** The ids of one utility's day. */
interface Day {
  received: number;
  planned: number;
  free: number; // an SPK issued after the plan was published: waiting for a crew
  closed: number;
  onSite: number;
  extra: number[]; // B only: tickets whose numbers A does not have
  numbers: Record<'received' | 'closed', string>;
  lastNumber: string;
  /** The token of a report journalled under load (202). */
  receiptToken: string;
  photoId: number;
  planId: number;
  jobId: string;
  incidentId: number;
  answerId: number;
  notificationId: number;
  crews: number[];
  marker: string;
}

const tokens: Record<Side, Partial<Record<Who, string | null>>> = { a: {}, b: {} };
const day = {} as Record<Side, Day>;

interface Answer {
  status: number;
  text: string;
  json: () => any;
}

async function call(side: Side, who: Who, method: string, path: string, body?: unknown | FormData, extra: Record<string, string> = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...extra };
  const token = tokens[side][who];
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  const buf = Buffer.from(await res.arrayBuffer());
  const text = (res.headers.get('content-type') ?? '').startsWith('image/') ? `<image ${buf.length} bytes ${buf.subarray(0, 64).toString('hex')}>` : buf.toString('utf8');
  return { status: res.status, text, json: () => JSON.parse(text) };
}

const envOf = (side: Side): TestEnv => (side === 'a' ? t.env : b);

/** One utility's working day, through the services (its own clock) and the HTTP API (the server's clock, A's). */
async function makeDay(side: Side, extraTickets: number): Promise<Day> {
  const env = envOf(side);
  const marker = `Rahasia-${side.toUpperCase()}-${env.utility.code}`;
  env.clock.set(T0);
  const operator = await staffUser(env, 'operator');
  const photo = await sharpPhoto();
  const report = async (i: number) =>
    (
      await submitReport(
        env.ctx,
        env.utility,
        { lat: insideArea.lat + 0.002 * i, lon: insideArea.lon - 0.002 * i, source: 'call_centre', category: 'visible_leak', description: `${marker} bocor ${i}`, name: `${marker} pelapor ${i}`, phone: `0812-7${side === 'a' ? 1 : 2}00-000${i}`, address: `${marker} jalan ${i}`, photo },
        operator,
      )
    ).id;
  const received = await report(1);
  // A citizen's report journalled under load (202): its receipt's token, drained (when this side's app drains) before any snapshot.
  const journalled = await journalCitizenReport(
    env.ctx,
    env.utility,
    { lat: insideArea.lat + 0.013, lon: insideArea.lon, source: 'app', category: 'visible_leak', name: `${marker} pelapor j`, phone: `0812-7${side === 'a' ? 1 : 2}00-0009`, photo },
    null,
    async () => undefined,
  );
  await journalIdle(env.ctx);
  const closed = await report(2);
  const onSite = await report(3);
  const planned = await spkTicket(env, 'normal', 40);
  await env.db('tickets').where({ id: planned }).update({ description: `${marker} direncanakan` });
  const [crew1, crew2] = env.crews;
  await act(env, 'admin', closed, 'issue_spk', { priority: 'high' });
  await act(env, 'dispatcher', closed, 'assign', { crewId: crew1 });
  await act(env, 'crew1', closed, 'arrive');
  await act(env, 'crew1', closed, 'fix', { note: `${marker} selesai` });
  await act(env, 'admin', closed, 'close');
  await act(env, 'admin', onSite, 'issue_spk', { priority: 'critical' });
  await act(env, 'dispatcher', onSite, 'assign', { crewId: crew2 });
  await act(env, 'crew2', onSite, 'arrive');
  const extra: number[] = [];
  for (let i = 0; i < extraTickets; i++) extra.push(await report(5 + i));
  // An escalation: a critical SPK nobody took within its 15-minute response time.
  const late = await report(4);
  await act(env, 'admin', late, 'issue_spk', { priority: 'critical' });
  env.clock.set(new Date(new Date(T0).getTime() + 30 * 60_000));
  await tick(env);
  env.clock.set(T0);
  const direktur = env.users.direktur;
  const notification = await env.db('notifications').where({ utility_id: env.utility.id, user_id: direktur }).orderBy('id').first();
  expect(notification, `${side}: an escalation reached the direktur's inbox`).toBeTruthy();

  // A solve job (asked with Prefer: respond-async), followed to its end; then the day's plan, asked plainly.
  const job = await call(side, 'dispatcher', 'POST', '/api/v1/plans', { date: DATE, objective: 'distance' }, { prefer: 'respond-async' });
  expect(job.status, job.text).toBe(202);
  const jobId = job.json().id as string;
  let state = 'running';
  for (let i = 0; i < 600 && (state === 'running' || state === 'queued'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = (await call(side, 'dispatcher', 'GET', `/api/v1/plan-jobs/${jobId}`)).json().state;
  }
  expect(state, `${side}: the solve job ends with a draft`).toBe('done');
  const plan = await call(side, 'dispatcher', 'POST', '/api/v1/plans', { date: DATE, objective: 'distance' });
  expect(plan.status, plan.text).toBe(201);
  const planId = plan.json().id as number;
  const published = await call(side, 'dispatcher', 'POST', `/api/v1/plans/${planId}/publish`, {});
  expect(published.status, published.text).toBe(200);
  const free = await spkTicket(env, 'high', 60);
  const incident = await call(side, 'dispatcher', 'POST', '/api/v1/incidents', { title: `${marker} pipa induk`, messageId: `${marker} sedang diperbaiki`, attachWaiting: false, centre: { lat: insideArea.lat - 0.012, lon: insideArea.lon + 0.012 }, radiusMetres: 150 });
  expect(incident.status, incident.text).toBe(201);
  const explained = await call(side, 'kabag', 'PUT', `/api/v1/analytics/pending/${received}/explanation`, { explanation: `${marker} menunggu pipa` });
  expect(explained.status, explained.text).toBe(200);
  const position = await call(side, 'crew1', 'POST', `/api/v1/crews/${crew1}/position`, { lat: insideArea.lat, lon: insideArea.lon });
  expect(position.status, position.text).toBeLessThan(300);
  const webhook = await call(side, 'admin', 'PUT', '/api/v1/settings/webhooks', { url: `https://hooks.example.org/${marker}` });
  expect(webhook.status, webhook.text).toBe(200);
  const answer = await call(side, 'admin', 'POST', '/api/v1/answers', { category: 'no_water', title: { id: `${marker} jawaban`, en: `${marker} answer` }, answer: { id: `${marker} isi`, en: `${marker} text` } });
  expect(answer.status, answer.text).toBe(201);
  const settings = await call(side, 'admin', 'PATCH', '/api/v1/settings', { contact: `${marker} 1500-123` });
  expect(settings.status, settings.text).toBe(200);

  const numbers = await env.db('tickets').whereIn('id', [received, closed]).select('id', 'number');
  const numberOf = (id: number) => numbers.find((r) => r.id === id)!.number as string;
  const [last] = await env.db('tickets').where({ utility_id: env.utility.id }).orderBy('id', 'desc').limit(1).select('number');
  const photoRow = await env.db('photos').where({ ticket_id: received }).first();
  return {
    received,
    planned,
    free,
    closed,
    onSite,
    extra,
    numbers: { received: numberOf(received), closed: numberOf(closed) },
    lastNumber: last.number,
    receiptToken: String(journalled!.body.token),
    photoId: photoRow.id,
    planId,
    jobId,
    incidentId: incident.json().id,
    answerId: answer.json().id,
    notificationId: notification.id,
    crews: env.crews,
    marker,
  };
}

const fill = (path: string, values: Record<string, string | number>) => path.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

function documentedOperations(): string[] {
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

/** The GET requests of one side's own view: every documented GET, ids filled with the side's own objects. */
function ownReads(side: Side): [string, string][] {
  const d = day[side];
  const code = envOf(side).utility.code;
  const q = (p: string) => `${p}${p.includes('?') ? '&' : '?'}jurisdiction_id=${code}`;
  const out: [string, string][] = [];
  for (const op of documentedOperations().filter((o) => o.startsWith('GET '))) {
    const path = op.slice(4);
    if (path === '/healthz' || path === '/readyz') continue; // the process, not a utility
    const values = { id: d.received, number: d.numbers.closed, service_request_id: d.numbers.closed, service_code: 'visible_leak', crewId: d.crews[0], ticketId: d.planned, token: d.receiptToken };
    let url: string;
    if (path === '/api/v1/crews/{id}/route') url = `${fill(path, { id: d.crews[0] })}?date=${DATE}`;
    else if (/^\/api\/v1\/plans\/\{id\}/.test(path)) url = fill(path, { id: d.planId });
    else if (path === '/api/v1/plan-jobs/{id}') url = fill(path, { id: d.jobId });
    else if (path === '/api/v1/plans' || path === '/api/v1/zones') url = `${path}?date=${DATE}`;
    else if (path === '/api/v1/dispatch/suggestions') url = `${path}?ticketId=${d.planned}`;
    else if (path === '/api/v1/tickets') url = `${path}?limit=500`;
    else if (path === '/api/v1/analytics/pending') url = `${path}?minHours=0`;
    else if (path === '/api/v1/reports/nearby') url = `${path}?lat=${insideArea.lat}&lon=${insideArea.lon}`;
    else url = fill(path, values);
    if (path.startsWith('/open311') || ['/api/v1/config', '/api/v1/boundaries', '/api/v1/incidents', '/api/v1/reports/{number}', '/api/v1/reports/receipts/{token}', '/api/v1/reports/nearby'].includes(path)) url = q(url);
    out.push([op, url]);
  }
  out.push(['GET photo', `/api/v1/tickets/${d.received}/photos/${d.photoId}`]);
  return out;
}

async function snapshot(side: Side): Promise<Map<string, string>> {
  const shot = new Map<string, string>();
  for (const [label, url] of ownReads(side)) {
    for (const who of everyone) {
      const res = await call(side, who, 'GET', url);
      // The request id is the one part of an answer that differs on every call.
      shot.set(`${who} ${label} ${url}`, `${res.status} ${res.text.replace(/"requestId":"[^"]*"/g, '"requestId":"-"')}`);
    }
  }
  return shot;
}

let aBefore: Map<string, string>;

beforeAll(async () => {
  t.env.clock.set(T0);
  b = await createTestEnv({ crews: 2 });
  for (const who of roleNames) {
    tokens.a[who] = await loginAs(t.server.baseUrl, t.env.utility, who);
    tokens.b[who] = await loginAs(t.server.baseUrl, b.utility, who);
  }
  tokens.a.anon = null;
  tokens.b.anon = null;
  day.a = await makeDay('a', 0);
  aBefore = await snapshot('a');
  day.b = await makeDay('b', 2);
}, 300_000);

afterAll(async () => {
  await b?.close();
});

describe('tenant isolation: utility A never sees or touches utility B', () => {
  it('every list and page of A reads the same before and after B has a day, and carries nothing of B', async () => {
    const after = await snapshot('a');
    expect([...after.keys()]).toEqual([...aBefore.keys()]);
    const changed = [...after.keys()].filter((k) => after.get(k) !== aBefore.get(k));
    expect(changed, 'answers of A that changed when B got its day').toEqual([]);
    const leaking = [...after.entries()].filter(([, v]) => v.includes(day.b.marker)).map(([k]) => k);
    expect(leaking).toEqual([]);
    // Positive controls: A's own markers show where they should, so the probes can see a row.
    const ok = (key: string) => after.get(key)!;
    expect(ok(`admin GET /api/v1/tickets /api/v1/tickets?limit=500`)).toContain(day.a.marker);
    expect(ok(`admin GET /api/v1/tickets/{id} /api/v1/tickets/${day.a.received}`)).toContain(day.a.marker);
    expect(ok(`direktur GET /api/v1/inbox /api/v1/inbox`)).toMatch(/^200 /);
    expect(JSON.parse(ok(`direktur GET /api/v1/inbox /api/v1/inbox`).slice(4)).items.length).toBeGreaterThan(0);
    expect([...after.values()].filter((v) => v.startsWith('200 ')).length).toBeGreaterThan(60);
  }, 300_000);

  // Every documented operation, with the requests that name B's objects.
  const bodyFor = (): Record<string, unknown> => ({ crewId: day.b.crews[0], ticketId: day.b.planned, ticketIds: [day.b.planned], note: 'uji', reason: 'uji', priority: 'high', explanation: 'uji', status: 'restored', message: 'uji', lat: insideArea.lat, lon: insideArea.lon });

  /** The requests of A that name B's objects, per documented operation (null: nothing of another utility can be named; the reason). */
  function crossRequests(op: string): { who: readonly Who[]; method: string; url: string; body?: Record<string, unknown> }[] | string {
    const [method, path] = op.split(' ');
    const B = day.b;
    const A = day.a;
    const all = everyone;
    switch (op) {
      case 'GET /healthz':
      case 'GET /readyz':
        return 'the process, not a utility';
      case 'POST /api/v1/auth/login':
        return "logs in to the utility it names (probed: B's password does not open A)";
      case 'POST /api/v1/auth/logout':
      case 'POST /api/v1/auth/password':
      case 'GET /api/v1/auth/me':
        return 'the caller itself';
      case 'POST /api/v1/platform/utilities':
      case 'GET /api/v1/platform/utilities':
        return "the server operator's (PLATFORM_TOKEN), not a utility's: a staff session is refused (tests/features/utilities/onboarding.test.ts)";
      case 'GET /api/v1/follow-up':
      case 'POST /api/v1/follow-up':
      case 'GET /api/v1/ratings':
      case 'POST /api/v1/ratings':
        return "the reporter's signed link: signed with the utility's own key and verified against the jurisdiction asked, so B's link opens nothing of A (tests/citizen/follow-up.test.ts)";
      case 'GET /api/v1/open311/queue':
        return "a list of the caller's utility: reads the same before and after B's day (asserted above)";
      case 'POST /api/v1/open311/queue/{token}/accept':
      case 'POST /api/v1/open311/queue/{token}/refuse':
        return "a queued Open311 token, looked up with the caller's utility id (open311/repository.ts findQueuedSubmission)";
      case 'POST /api/v1/notifications/templates/preview':
        return 'fills a text with example values: reads and writes nothing';
      case 'POST /api/v1/follow-up/by-phone':
        return "a phone proven in the jurisdiction asked: the proof token and the reporter are looked up with that utility's id (notifications/verification.repository.ts findByToken, tickets/reporters.repository.ts findReporterByPhone)";
      case 'POST /api/v1/verifications/{id}/confirm':
        return "a code's id, locked with the jurisdiction's utility id (notifications/verification.repository.ts lockVerification)";
      case 'POST /api/v1/verifications':
        return 'a one-time code to a phone, for the jurisdiction it names (public by design)';
      case 'GET /api/v1/inbound/whatsapp':
      case 'POST /api/v1/inbound/whatsapp':
      case 'POST /api/v1/inbound/gateway/{channel}':
        return "a provider's webhook for the jurisdiction it names, checked against that utility's own channel secret (verify token, app secret, gateway secret): B's secret opens nothing of A (tests/jobs/notifications-inbound.test.ts)";
      case 'POST /open311/v2/servicerequestupdates.{format}':
        return "an Open311 client's update: the ticket number is looked up in the api_key's own utility (tickets/client-update.service.ts), another jurisdiction_id is refused 403 (open311/service.ts authoriseSubmission)";
      case 'POST /api/v1/reports':
      case 'POST /open311/v2/requests.json':
      case 'POST /open311/v2/requests.{format}':
        return 'a citizen report to the jurisdiction it names (public by design)';
      case 'POST /api/v1/tickets':
      case 'POST /api/v1/plans':
      case 'POST /api/v1/incidents':
      case 'POST /api/v1/answers':
      case 'PATCH /api/v1/settings':
      case 'PUT /api/v1/settings/webhooks':
      case 'POST /api/v1/reporters/unblock':
      case 'PUT /api/v1/charter':
      case 'POST /api/v1/notifications/replies':
      case 'PUT /api/v1/geography':
      case 'POST /api/v1/geography/preview':
      case 'PUT /api/v1/categories/{code}':
        return "creates or changes the caller's own utility only (B read the same after: asserted)";
      case 'POST /api/v1/admin/crews':
      case 'POST /api/v1/admin/crews/import':
        return "creates or changes the caller's own utility's crews only, matched by code within it (B read the same after: asserted; tests/http/crew-setup.test.ts)";
      case 'PUT /api/v1/admin/crews/{id}':
        return [
          {
            who: all,
            method,
            url: fill(path, { id: B.crews[0] }),
            body: { code: 'LINTAS-1', name: 'Lintas', base: { lat: insideArea.lat, lon: insideArea.lon }, shifts: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { start: '08:00', end: '16:00' }])) },
          },
        ];
      case 'POST /api/v1/admin/staff':
        return [{ who: all, method, url: path, body: { username: 'lintas', displayName: 'Lintas Utilitas', role: 'crew', crewId: B.crews[0] } }];
      case 'PATCH /api/v1/admin/staff/{id}':
        return [
          { who: all, method, url: fill(path, { id: b.users.admin }), body: { displayName: 'Uji Lintas' } },
          { who: all, method, url: fill(path, { id: t.env.users.crew1 }), body: { crewId: B.crews[1] } },
        ];
      case 'POST /api/v1/admin/staff/{id}/password-reset':
        return [{ who: all, method, url: fill(path, { id: b.users.dispatcher }) }];
      case 'POST /api/v1/dispatch':
        return [
          { who: all, method, url: path, body: { ticketId: B.free, crewId: A.crews[0] } },
          { who: all, method, url: path, body: { ticketId: A.free, crewId: B.crews[0] } },
        ];
      case 'POST /api/v1/plans/{id}/pins':
        return [
          { who: all, method, url: fill(path, { id: B.planId }), body: { ticketId: A.planned, crewId: A.crews[0] } },
          { who: all, method, url: fill(path, { id: A.planId }), body: { ticketId: B.planned, crewId: A.crews[0] } },
          { who: all, method, url: fill(path, { id: A.planId }), body: { ticketId: A.planned, crewId: B.crews[0] } },
        ];
      case 'POST /api/v1/plans/{id}/removals':
        return [
          { who: all, method, url: fill(path, { id: B.planId }), body: { ticketId: A.planned } },
          { who: all, method, url: fill(path, { id: A.planId }), body: { ticketId: B.planned } },
        ];
      case 'PUT /api/v1/plans/{id}/locks/{crewId}':
        return [
          { who: all, method, url: fill(path, { id: B.planId, crewId: A.crews[0] }), body: {} },
          { who: all, method, url: fill(path, { id: A.planId, crewId: B.crews[0] }), body: {} },
          { who: all, method, url: fill(path, { id: A.planId, crewId: A.crews[0] }), body: { ticketIds: [B.planned] } },
        ];
      case 'POST /api/v1/tickets/{id}/assign':
        return [
          { who: all, method, url: fill(path, { id: B.free }), body: { crewId: A.crews[0] } },
          { who: all, method, url: fill(path, { id: A.free }), body: { crewId: B.crews[0] } },
        ];
      case 'PUT /api/v1/answers/{id}':
        return [{ who: all, method, url: fill(path, { id: B.answerId }), body: { category: null, title: { id: 'uji', en: 'test' }, answer: { id: 'uji', en: 'test' } } }];
      case 'PUT /api/v1/tickets/{id}/reporter-contact':
        return [{ who: all, method, url: fill(path, { id: B.received }), body: { preferredChannel: 'sms', language: 'en' } }];
      case 'POST /api/v1/tickets/{id}/answer':
        return [
          { who: all, method, url: fill(path, { id: B.received }), body: { answerId: A.answerId } },
          { who: all, method, url: fill(path, { id: A.received }), body: { answerId: B.answerId } },
        ];
      case 'POST /api/v1/tickets/{id}/forward':
        return [
          { who: all, method, url: fill(path, { id: B.received }), body: { unit: 'uji', answer: 'uji' } },
          { who: all, method, url: fill(path, { id: A.received }), body: { unit: 'uji', answerId: B.answerId } },
        ];
      case 'POST /api/v1/tickets/{id}/merge':
        return [
          { who: all, method, url: fill(path, { id: B.received }), body: { into: day.a.numbers.closed } },
          { who: all, method, url: fill(path, { id: A.received }), body: { into: B.lastNumber } },
        ];
      case 'GET /api/v1/tickets':
        return [{ who: all, method, url: `${path}?crewId=${B.crews[1]}&limit=500` }, { who: all, method, url: `${path}?number=${B.lastNumber}` }];
      case 'GET /api/v1/dispatch/suggestions':
        return [{ who: all, method, url: `${path}?ticketId=${B.free}` }];
      case 'GET /api/v1/plan-jobs/{id}':
      case 'DELETE /api/v1/plan-jobs/{id}':
        // Solve jobs live in the process's memory, scoped to their utility (plans/solve-jobs.ts findSolveJob).
        return [{ who: all, method, url: fill(path, { id: B.jobId }) }];
      case 'GET /api/v1/crews/{id}/route':
        return [{ who: all, method, url: `${fill(path, { id: B.crews[0] })}?date=${DATE}` }];
      case 'GET /api/v1/reports/{number}':
        return [{ who: ['anon'], method, url: `${fill(path, { number: B.lastNumber })}?jurisdiction_id=${t.env.utility.code}` }];
      case 'GET /api/v1/reports/receipts/{token}':
        return [{ who: ['anon'], method, url: `${fill(path, { token: B.receiptToken })}?jurisdiction_id=${t.env.utility.code}` }];
      case 'GET /open311/v2/requests/{service_request_id}.json':
        return [{ who: ['anon'], method, url: `${fill(path, { service_request_id: B.lastNumber })}?jurisdiction_id=${t.env.utility.code}` }];
      case 'GET /api/v1/reports/nearby':
      case 'GET /open311/v2/services/{service_code}.json':
      case 'GET /open311/v2/discovery.json':
      case 'GET /open311/v2/services.json':
      case 'GET /open311/v2/requests.json':
      case 'GET /api/v1/config':
      case 'GET /api/v1/boundaries':
      case 'GET /api/v1/incidents':
        return "public, for the jurisdiction asked: A's reads the same before and after B's day (asserted above)";
      default:
        break;
    }
    if (!/\{/.test(path)) return method === 'GET' ? "a list of the caller's utility: reads the same before and after B's day (asserted above)" : 'unclassified';
    // Paths naming objects: B's ids in every parameter.
    const values = { id: B.received, crewId: B.crews[0], ticketId: B.planned };
    let id: number = B.received;
    if (/^\/api\/v1\/plans\/\{id\}/.test(path)) id = B.planId;
    else if (path.startsWith('/api/v1/crews/')) id = B.crews[0];
    else if (path.startsWith('/api/v1/incidents/')) id = B.incidentId;
    else if (path.startsWith('/api/v1/inbox/')) id = B.notificationId;
    else if (/^\/api\/v1\/tickets\/\{id\}\/(\w+)$/.test(path)) id = /(fix|close|return)$/.test(path) ? B.closed : /(arrive|escalate)$/.test(path) ? B.onSite : B.received;
    return [{ who: all, method, url: fill(path, { ...values, id }), body: method === 'GET' ? undefined : bodyFor() }];
  }

  it("every operation naming B's objects answers 404 (or 401/403 to a role that may not ask at all), and B is untouched", async () => {
    const bBefore = await snapshot('b');
    const ops = documentedOperations();
    const unclassified = ops.filter((op) => crossRequests(op) === 'unclassified');
    expect(unclassified).toEqual([]);
    const table: string[] = [];
    const violations: string[] = [];
    let probes = 0;
    for (const op of ops) {
      const requests = crossRequests(op);
      if (typeof requests === 'string') continue;
      for (const r of requests) {
        const statuses: number[] = [];
        const what = `${r.method} ${r.url} ${JSON.stringify(r.body ?? {})}`;
        for (const who of r.who) {
          const res = await call('a', who, r.method, r.url, r.body);
          probes += 1;
          statuses.push(res.status);
          if (res.text.includes(day.b.marker)) violations.push(`${who} ${what}: B's data in the answer`);
          if (op === 'GET /api/v1/tickets') {
            // A list filtered by B's crew or number is empty, not refused.
            if (res.status !== (who === 'anon' ? 401 : 200) || (res.status === 200 && res.json().items.length > 0)) violations.push(`${who} ${what}: ${res.status} ${res.text.slice(0, 200)}`);
            continue;
          }
          const anonRefused = who !== 'anon' || res.status === 401 || op.includes('/reports/') || op.startsWith('GET /open311');
          if (![401, 403, 404, 400].includes(res.status) || !anonRefused) violations.push(`${who} ${what}: ${res.status} ${res.text.slice(0, 300)}`);
        }
        // Some role of A may take this step on its own objects: the id, not the role, stopped it.
        if (op !== 'GET /api/v1/tickets' && !statuses.some((s) => s === 404 || s === 400)) violations.push(`${what}: no role got past the role check (${statuses.join(' ')})`);
        table.push(`${what.slice(0, 110).padEnd(110)} | ${r.who.map((w, i) => `${w}:${statuses[i]}`).join(' ')}`);
      }
    }
    console.log(table.join('\n'));
    expect(violations).toEqual([]);
    expect(probes).toBeGreaterThan(300);
    const bAfter = await snapshot('b');
    const changed = [...bAfter.keys()].filter((k) => bAfter.get(k) !== bBefore.get(k));
    expect(changed, "B's answers changed by A's requests").toEqual([]);
    expect(JSON.parse(bAfter.get(`admin GET /api/v1/tickets /api/v1/tickets?limit=500`)!.slice(4)).items.length).toBe(7 + day.b.extra.length); // six, and the journalled report's (B is the server's own side: its drain made it)
  }, 300_000);

  it("B's password does not open A, and B's session works only on B's rows", async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'salah', jurisdiction_id: t.env.utility.code }) });
    expect(res.status).toBe(401);
    const mine = await call('b', 'admin', 'GET', `/api/v1/tickets/${day.b.received}`);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(day.b.marker);
    const theirs = await call('b', 'admin', 'GET', `/api/v1/tickets/${day.a.received}`);
    expect(theirs.status).toBe(404);
  });
});
