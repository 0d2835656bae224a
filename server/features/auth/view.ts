import type { Role } from '../../core/domain/tickets.js';
import type { Utility } from '../utilities/service.js';

/** A staff account as the rest of the server sees it (never its password hash). */
export interface StaffUser {
  id: number;
  utilityId: number;
  username: string;
  displayName: string;
  role: Role;
  crewId: number | null;
  active: boolean;
  /** The password was set by someone else (first admin, a reset): only changing it is allowed until then. */
  mustChangePassword?: boolean;
}

/** Who is logged in, and for which utility: the login and /me answers. */
export function sessionView(user: StaffUser, utility: Utility) {
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, crewId: user.crewId, mustChangePassword: user.mustChangePassword ?? false },
    utility: { code: utility.code, name: utility.name, timeZone: utility.timeZone },
  };
}
