import { describe, expect, it } from 'vitest';
import { allowedActions, planTransition, actions, type Action } from '../../server/core/domain/workflow.js';
import { statuses, roles, type Role, type TicketStatus } from '../../server/core/domain/tickets.js';
import { DomainError } from '../../server/core/domain/errors.js';

// The SOP (seed 000), written out independently of the implementation's table:
// action -> [from statuses, to status (null = unchanged), roles].
const sop: Record<Action, [TicketStatus[], TicketStatus | null, Role[]]> = {
  reject: [['received'], 'rejected', ['admin']],
  issue_spk: [['received'], 'spk_issued', ['admin']],
  assign: [['spk_issued', 'assigned'], 'assigned', ['dispatcher', 'admin']],
  unassign: [['assigned'], 'spk_issued', ['dispatcher', 'admin']],
  detach: [['attached'], 'received', ['admin', 'dispatcher']],
  arrive: [['assigned'], 'on_site', ['crew']],
  escalate: [['on_site'], 'escalated', ['crew']],
  fix: [['on_site', 'escalated'], 'fixed', ['crew']],
  close: [['fixed'], 'closed', ['admin']],
  return_to_crew: [['fixed'], 'assigned', ['admin']],
  prioritise: [['spk_issued', 'assigned', 'on_site', 'escalated'], null, ['admin', 'dispatcher']],
  reopen: [['fixed', 'closed'], 'assigned', []], // the system's, on a repeat report
};

describe('ticket workflow', () => {
  it('covers exactly the SOP actions', () => {
    expect([...actions].sort()).toEqual(Object.keys(sop).sort());
  });

  for (const action of Object.keys(sop) as Action[]) {
    const [from, to, allowedRoles] = sop[action];
    for (const status of statuses) {
      for (const role of roles) {
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
            expect((error as DomainError).details.allowedActions).toEqual(allowedActions(status));
          }
        });
      }
    }
  }

  it('rejected tickets are final; closed ones only reopen on a repeat report', () => {
    expect(allowedActions('rejected')).toEqual([]);
    expect(allowedActions('closed')).toEqual(['reopen']);
    for (const role of roles) expect(allowedActions('closed', role)).toEqual([]);
  });

  it('lists next steps per role', () => {
    expect(allowedActions('received', 'admin').sort()).toEqual(['issue_spk', 'reject']);
    expect(allowedActions('received', 'crew')).toEqual([]);
    expect(allowedActions('on_site', 'crew').sort()).toEqual(['escalate', 'fix']);
    expect(allowedActions('fixed', 'admin').sort()).toEqual(['close', 'return_to_crew']);
  });
});
