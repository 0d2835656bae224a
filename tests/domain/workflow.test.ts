import { describe, expect, it } from 'vitest';
import { allowedActions, planTransition, actions, systemActors, transitions, type Action, type Actor } from '../../server/core/domain/workflow.js';
import { statuses, roles, type Role, type TicketStatus } from '../../server/core/domain/tickets.js';
import { DomainError } from '../../server/core/domain/errors.js';

// The SOP (seed 000), written out independently of the implementation's table:
// action -> [from statuses, to status (null = unchanged), actors (staff roles and system actors)].
const sop: Record<Action, [TicketStatus[], TicketStatus | null, Actor[]]> = {
  reject: [['received'], 'rejected', ['admin']],
  issue_spk: [['received'], 'spk_issued', ['admin']],
  assign: [['spk_issued', 'assigned'], 'assigned', ['dispatcher', 'admin', 'planner', 'urgent_dispatch']],
  unassign: [['assigned'], 'spk_issued', ['dispatcher', 'admin', 'planner', 'urgent_dispatch']],
  attach: [['received'], 'attached', ['incident']], // a report inside an open area incident
  restore: [['attached'], 'closed', ['incident']], // the incident's water is back
  detach: [['attached'], 'received', ['admin', 'dispatcher']],
  arrive: [['assigned'], 'on_site', ['crew']],
  escalate: [['on_site'], 'escalated', ['crew']],
  fix: [['on_site', 'escalated'], 'fixed', ['crew']],
  close: [['fixed'], 'closed', ['admin']],
  return_to_crew: [['fixed'], 'assigned', ['admin']],
  prioritise: [['spk_issued', 'assigned', 'on_site', 'escalated'], null, ['admin', 'dispatcher']],
  reopen: [['fixed', 'closed'], 'assigned', ['repeat_report']], // on a repeat report only
  // Issue 13: one more report of an open ticket, and the first-contact close (seed 001).
  merge: [['received'], 'merged', ['duplicate', 'admin', 'dispatcher', 'operator']],
  unmerge: [['merged'], 'received', ['admin', 'dispatcher', 'operator']],
  add_report: [['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated'], null, ['duplicate']], // written by merge / unmerge
  remove_report: [['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed'], null, ['duplicate']],
  answer: [['received'], 'answered', ['operator', 'admin']],
  forward: [['received'], 'forwarded', ['operator', 'admin']],
  add_info: [['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed'], null, ['reporter_link']], // the reporter, by the receipt link
  reopen_restored: [['closed'], 'received', ['repeat_report']], // a restored incident's report, on a repeat report only
  client_update: [[...statuses], null, ['open311_client']], // an Open311 client's comment (FixMyStreet), a note in any status
};
const staffRoles: readonly Role[] = roles;
const everyActor: Actor[] = [...roles, 'planner', 'urgent_dispatch', 'incident', 'repeat_report', 'duplicate', 'reporter_link', 'open311_client', 'system'];
const isStaff = (actor: Actor) => (staffRoles as readonly string[]).includes(actor);

// What a refusal names as next steps, from the copy: the steps a person at the console
// can take (for staff), every step from the status (for a system actor).
function expectedNextSteps(status: TicketStatus, actor: Actor): Action[] {
  return (Object.keys(sop) as Action[]).filter((a) => sop[a][0].includes(status) && (!isStaff(actor) || sop[a][2].some(isStaff)));
}

describe('ticket workflow', () => {
  it('covers exactly the SOP actions', () => {
    expect([...actions].sort()).toEqual(Object.keys(sop).sort());
  });

  it('names every actor: the staff roles and the system actors', () => {
    expect([...roles, ...systemActors].sort()).toEqual([...everyActor].sort());
  });

  for (const action of Object.keys(sop) as Action[]) {
    const [from, to, allowedRoles] = sop[action];
    for (const status of statuses) {
      for (const role of everyActor) {
        const allowed = from.includes(status) && allowedRoles.includes(role);
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} from ${status}`, () => {
          if (allowed) {
            expect(planTransition(status, action, role)).toBe(to ?? status);
            return;
          }
          let error: unknown;
          try {
            planTransition(status, action, role);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          const code = (error as DomainError).code;
          expect(code).toBe(allowedRoles.includes(role) ? 'INVALID_TRANSITION' : 'FORBIDDEN');
          if (code === 'INVALID_TRANSITION') {
            expect((error as DomainError).details.currentStatus).toBe(status);
            expect([...((error as DomainError).details.allowedActions as Action[])].sort()).toEqual(expectedNextSteps(status, role).sort());
          }
        });
      }
    }
  }

  it('rejected tickets are final; closed ones only reopen on a repeat report', () => {
    // An Open311 client's comment is a note in the trail: it changes no status.
    expect(allowedActions('rejected')).toEqual(['client_update']);
    expect(transitions.client_update.to).toBeNull();
    expect(allowedActions('closed')).toEqual(['reopen', 'reopen_restored', 'client_update']);
    for (const role of roles) expect(allowedActions('closed', role)).toEqual([]);
    expect(allowedActions('closed', 'repeat_report')).toEqual(['reopen', 'reopen_restored']);
  });

  it('the system actors take only their own steps', () => {
    expect(allowedActions('spk_issued', 'planner')).toEqual(['assign']);
    expect(allowedActions('assigned', 'planner').sort()).toEqual(['assign', 'unassign']);
    expect(allowedActions('on_site', 'planner')).toEqual([]); // a crew on site keeps its ticket
    expect(allowedActions('on_site', 'urgent_dispatch')).toEqual([]);
    expect(allowedActions('received', 'incident')).toEqual(['attach']);
    expect(allowedActions('attached', 'incident')).toEqual(['restore']);
    for (const status of statuses) expect(allowedActions(status, 'system')).toEqual([]);
  });

  it('lists next steps per role', () => {
    expect(allowedActions('received', 'admin').sort()).toEqual(['answer', 'forward', 'issue_spk', 'merge', 'reject']);
    expect(allowedActions('received', 'crew')).toEqual([]);
    expect(allowedActions('on_site', 'crew').sort()).toEqual(['escalate', 'fix']);
    expect(allowedActions('fixed', 'admin').sort()).toEqual(['close', 'return_to_crew']);
  });
});
