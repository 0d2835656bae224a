/** The one writer of ticket state against the database: the table's checks, the batch, the refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../support/db.js';
import { insertTickets, pointInArea } from '../../planning/support.js';
import { transition, transitionMany, type TransitionRequest } from '../../../server/features/tickets/repository.js';
import { DomainError } from '../../../server/core/domain/errors.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
});
afterAll(async () => {
  await env?.close();
});

const at = new Date('2026-11-24T02:00:00Z');
const state = (id: number) => env.db('tickets').where({ id }).first('status', 'crew_id', 'assigned_at', 'updated_at');
const eventsOf = (id: number) => env.db('ticket_events').where({ ticket_id: id }).orderBy('id').select('action', 'actor_kind', 'actor_id', 'from_status', 'to_status', 'note', 'data');
const planner = (ticketId: number, crewId: number): TransitionRequest => ({
  utilityId: env.utility.id,
  ticketId,
  action: 'assign',
  actor: 'planner',
  actorUserId: env.users.dispatcher,
  at,
  changes: { crewId },
  data: { planId: 1 },
});

async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('transitionMany', () => {
  it('moves many tickets in one batch: status, crew, stamp, and one event each', async () => {
    const ids = await insertTickets(env, Array.from({ length: 30 }, (_, i) => pointInArea(i)));
    const [moved] = await insertTickets(env, [{ ...pointInArea(31), status: 'assigned', crewId: env.crews[0] }]);
    const results = await env.db.transaction((tx) =>
      transitionMany(tx, [
        ...ids.map((id, i) => planner(id, env.crews[i % 2])),
        { utilityId: env.utility.id, ticketId: moved, action: 'unassign', actor: 'planner', actorUserId: null, at, note: 'rolls over' },
      ]),
    );
    expect(results).toHaveLength(31);
    expect(results[0]).toEqual({ ticketId: ids[0], fromStatus: 'spk_issued', toStatus: 'assigned', previousCrewId: null });
    for (const [i, id] of ids.entries()) {
      expect(await state(id)).toEqual({ status: 'assigned', crew_id: env.crews[i % 2], assigned_at: at, updated_at: at });
      expect(await eventsOf(id)).toEqual([
        { action: 'assign', actor_kind: 'staff', actor_id: env.users.dispatcher, from_status: 'spk_issued', to_status: 'assigned', note: null, data: { planId: 1 } },
      ]);
    }
    // unassign's own effects: the crew and its assignment time go.
    expect(await state(moved)).toEqual({ status: 'spk_issued', crew_id: null, assigned_at: null, updated_at: at });
    expect(await eventsOf(moved)).toEqual([{ action: 'unassign', actor_kind: 'system', actor_id: null, from_status: 'assigned', to_status: 'spk_issued', note: 'rolls over', data: {} }]);
  });

  it('refuses the whole batch when one step is illegal (a crew is on site): 409 with the current status, nothing written', async () => {
    const [waiting, onSite] = await insertTickets(env, [pointInArea(40), { ...pointInArea(41), status: 'on_site', crewId: env.crews[0] }]);
    const error = await refusal(() => env.db.transaction((tx) => transitionMany(tx, [planner(waiting, env.crews[0]), planner(onSite, env.crews[1])])));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toMatchObject({ action: 'assign', currentStatus: 'on_site' });
    expect(error.details.allowedActions).toEqual(expect.arrayContaining(['escalate', 'fix']));
    expect((await state(waiting)).status).toBe('spk_issued');
    expect(await state(onSite)).toMatchObject({ status: 'on_site', crew_id: env.crews[0] });
    expect(await eventsOf(waiting)).toEqual([]);
    expect(await eventsOf(onSite)).toEqual([]);
  });

  it('refuses an actor the table does not name for the step (FORBIDDEN)', async () => {
    const [id] = await insertTickets(env, [{ ...pointInArea(42), status: 'fixed', crewId: env.crews[0] }]);
    const byPlanner = await refusal(() => env.db.transaction((tx) => transition(tx, { utilityId: env.utility.id, ticketId: id, action: 'reopen', actor: 'planner', actorUserId: null, at })));
    expect(byPlanner.code).toBe('FORBIDDEN');
    const byAdmin = await refusal(() => env.db.transaction((tx) => transition(tx, { utilityId: env.utility.id, ticketId: id, action: 'reopen', actor: 'admin', actorUserId: env.users.admin, at })));
    expect(byAdmin.code).toBe('FORBIDDEN');
    // The repeat report may: the fix did not hold.
    await env.db.transaction((tx) => transition(tx, { utilityId: env.utility.id, ticketId: id, action: 'reopen', actor: 'repeat_report', actorUserId: null, at, changes: { repeatCount: 1 } }));
    expect(await env.db('tickets').where({ id }).first('status', 'crew_id', 'starred', 'repeat_count', 'reopened_at', 'fixed_at')).toEqual({
      status: 'assigned',
      crew_id: env.crews[0],
      starred: true,
      repeat_count: 1,
      reopened_at: at,
      fixed_at: null,
    });
    expect((await eventsOf(id))[0]).toMatchObject({ action: 'reopen', actor_kind: 'reporter', from_status: 'fixed', to_status: 'assigned' });
  });

  it('refuses a ticket of another utility as not found, and a change the action does not carry', async () => {
    const [id] = await insertTickets(env, [pointInArea(43)]);
    const foreign = await refusal(() => env.db.transaction((tx) => transition(tx, { ...planner(id, env.crews[0]), utilityId: env.utility.id + 100_000 })));
    expect(foreign.code).toBe('NOT_FOUND');
    await expect(
      env.db.transaction((tx) => transition(tx, { ...planner(id, env.crews[0]), changes: { crewId: env.crews[0], priority: 'critical' } })),
    ).rejects.toThrow('The assign step does not carry priority');
    await expect(env.db.transaction((tx) => transition(tx, { ...planner(id, env.crews[0]), changes: {} }))).rejects.toThrow('An assign step names the crew');
    expect(await state(id)).toMatchObject({ status: 'spk_issued', crew_id: null });
  });
});
