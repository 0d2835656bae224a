/**
 * What the SLA slice offers the routes and other slices: the escalation scan
 * (escalation.service.ts, run by the worker) and the inbox it writes. Reading
 * and marking the inbox carries no rule beyond its query, so these are the
 * repository's functions as they are.
 */
export { listInbox, markRead, type InboxItem } from './inbox.repository.js';
export { scanEscalations, type ScanCounts } from './escalation.service.js';
