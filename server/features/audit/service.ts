/**
 * The set-up audit trail (sql/0046 audit_log). Every write of the setup API
 * and the platform commands records one entry in its own transaction, so an
 * entry exists exactly when the change does.
 */
export type { AuditEntry, AuditRecord } from './view.js';
export { auditView } from './view.js';
export { insertAuditEntry as recordAudit, listAuditEntries } from './repository.js';
