import type { ReportReceipt } from '../services/intake.js';
import type { Utility } from '../db/utilities.js';

export function presentReceipt(r: ReportReceipt, utility: Utility) {
  return {
    number: r.number,
    status: r.status,
    statusUrl: `/api/v1/reports/${r.number}?jurisdiction_id=${encodeURIComponent(utility.code)}`,
    receivedAt: r.receivedAt.toISOString(),
    photoBlurred: r.photoBlurred,
    region: r.region,
    kelurahan: r.kelurahan,
  };
}
