/**
 * What the SLA slice offers the routes and other slices: the escalation scan
 * (escalation.service.ts, run by the worker) and the inbox it writes. Reading
 * and marking the inbox carries no rule beyond its query, so these are the
 * repository's functions as they are.
 */
export { insertNotifications, listInbox, markRead, type InboxItem, type NewNotification } from './inbox.repository.js';
export { scanEscalations, type ScanCounts } from './escalation.service.js';
