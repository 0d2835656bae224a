/**
 * Who reads: the staff member behind a request, as the repositories scope it.
 * A crew reads only the tickets (and their photos, events and work order) of
 * its own assignments; the reporter's personal data (name, phone, stored
 * address) goes to the roles whose work needs it: the admin (validates, and
 * phones the reporter of a blurred photo before an SPK, DOMAIN.md), the
 * call-centre operator (answers the reporter) and the crew assigned to the
 * ticket (may call at the door). The dispatcher and the managers (kasie,
 * kabag, direktur) plan and answer for the work, not for the people: they see
 * tickets without the reporter. Reads outside the scope answer 404, never
 * 403, so ids cannot be probed.
 */
import type { Role } from '../../core/domain/tickets.js';
import type { StaffUser } from './view.js';

export interface Viewer {
  role: Role;
  /** The viewer's crew (role crew); null for every other role. */
  crewId: number | null;
  userId: number;
}

export const viewerOf = (user: StaffUser): Viewer => ({ role: user.role, crewId: user.crewId, userId: user.id });

/** The roles that read the reporter's name, phone and address (a crew: on its own tickets only, which is all it reads). */
export const reporterReaders: readonly Role[] = ['admin', 'operator', 'crew'];

export const readsReporter = (v: Viewer): boolean => reporterReaders.includes(v.role);

/**
 * The crew whose tickets the viewer is limited to: its own crew id for a crew
 * (-1, matching nothing, for a crew account without a crew), else null (all
 * tickets of the utility).
 */
export const crewScopeOf = (v: Viewer): number | null => (v.role === 'crew' ? (v.crewId ?? -1) : null);
