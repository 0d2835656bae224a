/** One change to a utility's set-up: who (a staff account, or null for the server operator), what, when. */
export interface AuditEntry {
  utilityId: number;
  actorId: number | null;
  action: string; // '<object>.<verb>', e.g. 'crew.create', 'staff.reset_password'
  objectType: string;
  objectId: number | null;
  details?: Record<string, unknown>;
  at: Date;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: { id: number; username: string; displayName: string } | null;
  action: string;
  objectType: string;
  objectId: number | null;
  details: unknown;
}

export function auditView(r: AuditRecord) {
  return { ...r, at: r.at.toISOString() };
}
