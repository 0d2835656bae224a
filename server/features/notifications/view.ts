import type { DeliveryListing } from './repository.js';

/** A delivery as the admin's failure list shows it. */
export function deliveryView(d: DeliveryListing) {
  return {
    id: d.id,
    kind: d.kind,
    ticketNumber: d.ticketNumber,
    channel: d.channel,
    recipient: d.recipient,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
  };
}
