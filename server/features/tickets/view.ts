import type { ReportReceipt } from './intake.service.js';
import type { Utility } from '../utilities/service.js';

/** 201 for a new ticket; 200 when the report reopened an existing one (seed 003 re-report) or was added to the open ticket of the same spot. */
export const receiptStatusOf = (r: ReportReceipt) => (r.repeat?.kind === 're_report' || r.duplicate ? 200 : 201);

export function presentReceipt(r: ReportReceipt, utility: Utility) {
  return {
    number: r.number,
    status: r.status,
    statusUrl: `/api/v1/reports/${r.number}?jurisdiction_id=${encodeURIComponent(utility.code)}`,
    receivedAt: r.receivedAt.toISOString(),
    photoBlurred: r.photoBlurred,
    photoAnalysing: r.photoAnalysing,
    region: r.region,
    kelurahan: r.kelurahan,
    repeat: r.repeat,
    incident: r.incident,
    duplicate: r.duplicate ?? null,
  };
}
