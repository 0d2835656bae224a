/**
 * The plan lifecycle over HTTP (issue 10): a draft changes no ticket; its diff per crew;
 * publishing applies it through the ticket writer and tells the crews; edits (pin, take
 * out, lock); a stale draft is refused (PLAN_STALE) and re-based; a second re-plan keeps
 * work under way and plans the rest of the day from where each crew is.
 */
import { describe, expect, it } from 'vitest';
import { loginAs } from '../../support/db.js';
import { api, insertTickets, pointInArea, usePlanningServer } from '../../planning/support.js';

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 2 });
const url = () => fx.server.baseUrl;
const as = (token: string, method: string, path: string, body?: unknown) => api(url(), token, method, path, body);
const d = (method: string, path: string, body?: unknown) => as(fx.dispatcher, method, path, body);
const crewOf = (plan: any, ticketId: number) => plan.routes.find((r: any) => r.stops.some((s: any) => s.ticketId === ticketId))?.crewId ?? null;
const ticketRow = (id: number) => fx.env.db('tickets').where({ id }).first('status', 'crew_id');

describe('plan lifecycle: draft, diff, edit, publish', () => {
  let tickets: number[] = [];
  let urgent: number;
  let first: any;
  let published: any;

  it('a draft changes no ticket and the crews do not see it', async () => {
    tickets = await insertTickets(fx.env, Array.from({ length: 10 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    [urgent] = await insertTickets(fx.env, [{ ...pointInArea(40), priority: 'high', category: 'pipe_burst' }]);
    const res = await d('POST', '/api/v1/plans', { date: DATE, objective: 'makespan' });
    expect(res.status).toBe(201);
    first = res.body;
    expect(first.status).toBe('draft');
    expect(first.summary.served.total).toBeGreaterThan(0);
    for (const id of [...tickets, urgent]) expect(await ticketRow(id)).toEqual({ status: 'spk_issued', crew_id: null });
    expect(await fx.env.db('ticket_events').whereIn('ticket_id', [...tickets, urgent]).whereNot({ action: 'report' })).toHaveLength(0);
    const crew1 = await loginAs(url(), fx.env.utility, 'crew1');
    const route = await as(crew1, 'GET', `/api/v1/crews/${fx.env.crews[0]}/route?date=${DATE}`);
    expect(route.status).toBe(404);
  });

  it('the diff of a first draft: every stop is added, km from 0', async () => {
    const res = await d('GET', `/api/v1/plans/${first.id}/diff`);
    expect(res.status).toBe(200);
    expect(res.body.against).toBeNull();
    expect(res.body.stale).toBe(false);
    for (const c of res.body.crews) {
      const route = first.routes.find((r: any) => r.crewId === c.crewId);
      expect(c.added.map((t: any) => t.ticketId)).toEqual(route.stops.map((s: any) => s.ticketId));
      expect(c.removed).toEqual([]);
      expect(c.km).toEqual({ before: 0, after: route.km });
      expect(c.changed).toBe(route.stops.length > 0);
    }
  });

  it('publishing assigns through the ticket writer (actor planner) and tells each crew whose day changed', async () => {
    const res = await d('POST', `/api/v1/plans/${first.id}/publish`, {});
    expect(res.status).toBe(200);
    expect(res.body.published).toBe(true);
    published = res.body.plan;
    expect(published.status).toBe('published');
    for (const r of published.routes) {
      for (const s of r.stops) {
        expect(await ticketRow(s.ticketId)).toEqual({ status: 'assigned', crew_id: r.crewId });
        const [event] = await fx.env.db('ticket_events').where({ ticket_id: s.ticketId, action: 'assign' });
        expect(event.actor_kind).toBe('staff');
        expect(event.data.planId).toBe(published.id);
      }
    }
    for (const [i, crewId] of fx.env.crews.entries()) {
      const token = await loginAs(url(), fx.env.utility, `crew${i + 1}`);
      const inbox = await as(token, 'GET', '/api/v1/inbox');
      expect(inbox.status).toBe(200);
      const notes = inbox.body.items.filter((n: any) => n.kind === 'plan.changed');
      const stops = published.routes.find((r: any) => r.crewId === crewId).stops.length;
      expect(notes.length).toBe(stops > 0 ? 1 : 0);
      if (stops > 0) {
        expect(notes[0].title).toMatch(/Rute 2026-11-24 berubah/);
        expect(notes[0].body).toContain(`${stops} tiket baru`);
        expect(notes[0].body).toContain(`${stops} new`);
      }
      const route = await as(token, 'GET', `/api/v1/crews/${crewId}/route?date=${DATE}`);
      expect(route.status).toBe(200);
      expect(route.body.planId).toBe(published.id);
    }
    // A published plan is not a draft any more.
    const again = await d('POST', `/api/v1/plans/${published.id}/publish`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLAN_NOT_DRAFT');
  });

  let moved: number;
  let from: number;
  let to: number;
  let draft: any;

  it('an edit of the published plan is a draft: the diff shows the move, tickets stay until publish', async () => {
    const source = published.routes.find((r: any) => r.stops.length > 1);
    from = source.crewId;
    to = fx.env.crews.find((c) => c !== from)!;
    moved = source.stops[source.stops.length - 1].ticketId;
    const res = await d('POST', `/api/v1/plans/${published.id}/pins`, { ticketId: moved, crewId: to });
    expect(res.status).toBe(201);
    draft = res.body;
    expect(draft.status).toBe('draft');
    expect(draft.basedOn).toBe(published.id);
    expect(crewOf(draft, moved)).toBe(to);
    expect(await ticketRow(moved)).toEqual({ status: 'assigned', crew_id: from });
    const diff = (await d('GET', `/api/v1/plans/${draft.id}/diff`)).body;
    expect(diff.against).toEqual({ id: published.id, version: published.version });
    const out = diff.crews.find((c: any) => c.crewId === from);
    const inn = diff.crews.find((c: any) => c.crewId === to);
    expect(out.movedOut).toContainEqual(expect.objectContaining({ ticketId: moved, toCrewId: to }));
    expect(inn.movedIn).toContainEqual(expect.objectContaining({ ticketId: moved, fromCrewId: from }));
    expect(out.changed && inn.changed).toBe(true);
    expect(out.stops.before).toBe(published.routes.find((r: any) => r.crewId === from).stops.length);
    // A pin moves that ticket and nothing else: every other stop keeps its crew and its order, and the crews the
    // pin does not name are unchanged.
    const without = (plan: any, crewId: number) => plan.routes.find((r: any) => r.crewId === crewId).stops.map((s: any) => s.ticketId).filter((id: number) => id !== moved);
    for (const r of published.routes) expect(without(draft, r.crewId)).toEqual(without(published, r.crewId));
    for (const c of diff.crews.filter((x: any) => x.crewId !== from && x.crewId !== to)) expect(c.changed).toBe(false);
    expect(draft.unplanned.map((u: any) => u.ticketId).sort()).toEqual(published.unplanned.map((u: any) => u.ticketId).sort());
  });

  it('a draft made from an out-of-date version is refused (PLAN_STALE, with what changed); rebase re-applies its edits', async () => {
    // Meanwhile an urgent dispatch publishes a new version of the day.
    const [critical] = await insertTickets(fx.env, [{ ...pointInArea(60), priority: 'critical', category: 'pipe_burst' }]);
    // (To the crew the draft moves a ticket to: a dispatch may drop the last Normal stops of its crew's day.)
    const dispatched = await d('POST', '/api/v1/dispatch', { ticketId: critical, crewId: to });
    expect(dispatched.status).toBe(201);
    expect(dispatched.body.status).toBe('published');
    const diff = (await d('GET', `/api/v1/plans/${draft.id}/diff`)).body;
    expect(diff.stale).toBe(true);

    const refused = await d('POST', `/api/v1/plans/${draft.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLAN_STALE');
    expect(refused.body.error.details.basedOnVersion).toBe(published.version);
    expect(refused.body.error.details.publishedVersion).toBe(dispatched.body.version);
    expect(refused.body.error.details.publishedSince).toEqual([expect.objectContaining({ id: dispatched.body.id, kind: 'dispatch' })]);
    expect(await ticketRow(moved)).toEqual({ status: 'assigned', crew_id: from });

    const rebased = await d('POST', `/api/v1/plans/${draft.id}/publish`, { rebase: true });
    expect(rebased.status).toBe(200);
    expect(rebased.body.published).toBe(false);
    const next = rebased.body.plan;
    expect(next.status).toBe('draft');
    expect(next.basedOn).toBe(dispatched.body.id);
    expect(crewOf(next, moved)).toBe(to); // the draft's pin, re-applied
    expect(crewOf(next, critical)).toBe(to); // the dispatch, kept
    expect((await d('GET', `/api/v1/plans/${draft.id}`)).body.status).toBe('discarded');

    const done = await d('POST', `/api/v1/plans/${next.id}/publish`, {});
    expect(done.status).toBe(200);
    expect(done.body.published).toBe(true);
    expect(await ticketRow(moved)).toEqual({ status: 'assigned', crew_id: to });
    expect(await ticketRow(critical)).toEqual({ status: 'assigned', crew_id: to });
    expect(await fx.env.db('plan_pins').where({ ticket_id: moved }).first('crew_id')).toEqual({ crew_id: to });
    published = done.body.plan;
  });

  it('takes a ticket out of the day, locks a crew order, and discards a draft', async () => {
    const route = published.routes.find((r: any) => r.crewId === to && r.stops.length >= 2) ?? published.routes.find((r: any) => r.stops.length >= 3);
    const out = route.stops.find((s: any) => s.ticketId !== moved && s.priority === 'normal').ticketId;
    const removed = await d('POST', `/api/v1/plans/${published.id}/removals`, { ticketId: out });
    expect(removed.status).toBe(201);
    const u = removed.body.unplanned.find((x: any) => x.ticketId === out);
    expect(u.reason).toBe('held_out');
    expect(u.message).toMatch(/took it out/);
    // Lock the other crew's order, reversed.
    const other = removed.body.routes.find((r: any) => r.crewId !== route.crewId && r.stops.length >= 2) ?? removed.body.routes.find((r: any) => r.stops.length >= 2);
    const order = other.stops.map((s: any) => s.ticketId).reverse();
    const locked = await d('PUT', `/api/v1/plans/${removed.body.id}/locks/${other.crewId}`, { ticketIds: order });
    expect(locked.status).toBe(200);
    expect(locked.body.id).toBe(removed.body.id);
    expect(locked.body.routes.find((r: any) => r.crewId === other.crewId).stops.map((s: any) => s.ticketId)).toEqual(order);
    const res = await d('POST', `/api/v1/plans/${locked.body.id}/publish`, {});
    expect(res.status).toBe(200);
    expect(await ticketRow(out)).toEqual({ status: 'spk_issued', crew_id: null });
    expect(await fx.env.db('plan_pins').where({ ticket_id: out }).first('crew_id')).toEqual({ crew_id: null });
    expect((await fx.env.db('plan_locks').where({ crew_id: other.crewId }).first('ticket_ids')).ticket_ids.map(Number)).toEqual(order);
    published = res.body.plan;

    // The next draft keeps both; then it is discarded and cannot be published.
    const again = await d('POST', '/api/v1/plans', { date: DATE });
    expect(again.body.unplanned.find((x: any) => x.ticketId === out)?.reason).toBe('held_out');
    expect(again.body.routes.find((r: any) => r.crewId === other.crewId).stops.map((s: any) => s.ticketId)).toEqual(order);
    expect((await d('DELETE', `/api/v1/plans/${again.body.id}`)).status).toBe(204);
    const refused = await d('POST', `/api/v1/plans/${again.body.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLAN_NOT_DRAFT');
    // Put back and unlocked, on a new draft.
    const restored = await d('DELETE', `/api/v1/plans/${published.id}/removals/${out}`);
    expect(restored.status).toBe(200);
    expect(restored.body.unplanned.find((x: any) => x.ticketId === out)?.reason).not.toBe('held_out');
    const unlocked = await d('DELETE', `/api/v1/plans/${restored.body.id}/locks/${other.crewId}`);
    expect(unlocked.status).toBe(200);
    expect((await d('POST', `/api/v1/plans/${unlocked.body.id}/publish`, {})).status).toBe(200);
    expect(await fx.env.db('plan_locks').where({ crew_id: other.crewId })).toHaveLength(0);
    published = (await d('GET', `/api/v1/plans?date=${DATE}`)).body;
  });

  it('a re-plan during the day keeps work under way and the next stop, and plans from where each crew is', async () => {
    fx.env.clock.set('2026-11-24T02:00:00Z'); // 10:00 WITA
    const busy = published.routes.find((r: any) => r.stops.length >= 2);
    const crewUser = `crew${fx.env.crews.indexOf(busy.crewId) + 1}`;
    const token = await loginAs(url(), fx.env.utility, crewUser);
    const onSite = busy.stops[0].ticketId;
    const arrived = await as(token, 'POST', `/api/v1/tickets/${onSite}/arrive`, {});
    expect(arrived.status).toBe(200);
    const next = busy.stops[1].ticketId;

    // The other crew's phone says where it is: at its first stop's door.
    const idle = published.routes.find((r: any) => r.crewId !== busy.crewId);
    const idleToken = await loginAs(url(), fx.env.utility, `crew${fx.env.crews.indexOf(idle.crewId) + 1}`);
    expect((await as(token, 'POST', `/api/v1/crews/${idle.crewId}/position`, { lat: -5.15, lon: 119.42 })).status).toBe(403);
    let idleNext: number | null = null;
    if (idle.stops.length > 0) {
      idleNext = idle.stops[0].ticketId;
      const [row] = await fx.env.db('tickets').where({ id: idleNext }).select(fx.env.db.raw('ST_Y(location::geometry) AS lat'), fx.env.db.raw('ST_X(location::geometry) AS lon'));
      const reported = await as(idleToken, 'POST', `/api/v1/crews/${idle.crewId}/position`, { lat: row.lat, lon: row.lon });
      expect(reported.status).toBe(200);
      expect(reported.body.reportedAt).toBe('2026-11-24T02:00:00.000Z');
    }

    // More urgent work arrives; the dispatcher re-plans.
    await insertTickets(fx.env, [{ ...pointInArea(80), priority: 'high', category: 'pipe_burst' }]);
    const res = await d('POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(201);
    const route = res.body.routes.find((r: any) => r.crewId === busy.crewId);
    expect(route.stops[0]).toMatchObject({ ticketId: onSite, status: 'on_site' });
    expect(route.stops[1].ticketId).toBe(next);
    // From where the crew is: the next stop comes after the repair under way, not from the base at 10:00.
    const onSiteAt = Date.parse('2026-11-24T02:00:00Z');
    expect(Date.parse(route.stops[1].eta)).toBeGreaterThanOrEqual(onSiteAt + route.stops[0].serviceMinutes * 60_000);
    if (idleNext !== null) {
      const other = res.body.routes.find((r: any) => r.crewId === idle.crewId);
      expect(other.stops[0].ticketId).toBe(idleNext);
      expect(other.stops[0].travelMinutes).toBe(0);
      expect(other.stops[0].eta).toBe('2026-11-24T02:00:00.000Z');
    }

    const done = await d('POST', `/api/v1/plans/${res.body.id}/publish`, {});
    expect(done.status).toBe(200);
    expect(await ticketRow(onSite)).toEqual({ status: 'on_site', crew_id: busy.crewId });
    expect(await ticketRow(next)).toEqual({ status: 'assigned', crew_id: busy.crewId });
    const phone = await as(token, 'GET', `/api/v1/crews/${busy.crewId}/route?date=${DATE}`);
    expect(phone.body.stops.slice(0, 2).map((s: any) => s.ticketId)).toEqual([onSite, next]);
    expect((await fx.env.db('ticket_events').where({ ticket_id: onSite }).andWhere('at', '>', new Date('2026-11-24T02:00:00Z'))).length).toBe(0);
  });

  it("refuses to take a crew's next stop out of the day or give it to another crew, and changes nothing", async () => {
    const latest = (await d('GET', `/api/v1/plans?date=${DATE}`)).body;
    const busy = latest.routes.find((r: any) => r.stops[0]?.status === 'on_site' && r.stops.length >= 2);
    const next = busy.stops[1].ticketId;
    const other = latest.routes.find((r: any) => r.crewId !== busy.crewId);
    const plans = async () => (await fx.env.db('plans').where({ utility_id: fx.env.utility.id }).select('id', 'status')).map((p: any) => `${p.id}:${p.status}`).sort();
    const plansBefore = await plans();
    const removed = await d('POST', `/api/v1/plans/${latest.id}/removals`, { ticketId: next });
    expect(removed.status).toBe(409);
    expect(removed.body.error).toMatchObject({ code: 'NEXT_STOP_STAYS', field: 'ticketId', details: { crewId: busy.crewId } });
    expect(removed.body.error.messageId).toContain('tetap pada regu itu');
    const moved = await d('POST', `/api/v1/plans/${latest.id}/pins`, { ticketId: next, crewId: other.crewId });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('NEXT_STOP_STAYS');
    expect(await plans()).toEqual(plansBefore);
    // Pinning it to its own crew is no change of crew: allowed.
    const kept = await d('POST', `/api/v1/plans/${latest.id}/pins`, { ticketId: next, crewId: busy.crewId });
    expect(kept.status).toBe(201);
    expect(kept.body.routes.find((r: any) => r.crewId === busy.crewId).stops[1].ticketId).toBe(next);
    expect((await d('DELETE', `/api/v1/plans/${kept.body.id}`)).status).toBe(204);
    expect(await ticketRow(next)).toEqual({ status: 'assigned', crew_id: busy.crewId });
  });

  it('planning another day leaves the tickets committed to today alone', async () => {
    const today = (await d('GET', `/api/v1/plans?date=${DATE}`)).body;
    const assignedToday = today.routes.flatMap((r: any) => r.stops.filter((s: any) => s.status === 'assigned').map((s: any) => s.ticketId));
    expect(assignedToday.length).toBeGreaterThan(0);
    await insertTickets(fx.env, [pointInArea(90)]);
    const tomorrow = await d('POST', '/api/v1/plans', { date: '2026-11-25' });
    expect(tomorrow.status).toBe(201);
    const touched = [...tomorrow.body.routes.flatMap((r: any) => r.stops.map((s: any) => s.ticketId)), ...tomorrow.body.unplanned.map((u: any) => u.ticketId)];
    for (const id of assignedToday) expect(touched).not.toContain(id);
    expect((await d('POST', `/api/v1/plans/${tomorrow.body.id}/publish`, {})).status).toBe(200);
    for (const r of today.routes) for (const s of r.stops.filter((x: any) => x.status === 'assigned')) expect((await ticketRow(s.ticketId)).crew_id).toBe(r.crewId);
  });
});
