import type { AppContext } from './platform/context.js';
import { logger } from './platform/log.js';
import { findUtilityById } from './features/utilities/service.js';
import { cleanUpExpiredSessions } from './features/auth/service.js';
import { creditClosedTickets } from './features/points/service.js';
import { scanEscalations, type ScanCounts } from './features/sla/escalation.service.js';
import { deliverDueWebhooks, type DeliveryCounts, type Poster } from './features/webhooks/service.js';
import { allUtilityIds, claimJobRun, recordJobRun } from './features/sla/job-runs.repository.js';
import { deliverDueNotifications, fanOutNotifications, type NotificationCounts } from './features/notifications/service.js';
import { analysePendingPhotos, type AnalysisCounts } from './features/tickets/photo-analysis.service.js';
import { drainJournal, type DrainCounts } from './features/tickets/journal.service.js';

/**
 * The background worker: a plain loop in the server process, no queue library.
 *
 * Why not pg-boss: the work is a periodic scan plus an outbox, both already
 * rows in our own tables. A `FOR UPDATE SKIP LOCKED` loop needs no dependency
 * and no second schema, and correctness does not rest on the lock anyway: the
 * UNIQUE keys (one escalation per ticket and breach kind, one per crew event,
 * one credit per close event) make every effect exactly-once, however many
 * workers run and however often they restart. The lock only keeps two workers
 * from doing the same scan at the same moment.
 *
 * Each tick, per utility (claimed via its job_runs row, SKIP LOCKED): scan for
 * breaches and crew escalations, fan the notification outbox's new events out
 * into deliveries, credit closed tickets; then send the due notifications
 * (inbox, e-mail, WhatsApp, SMS) and webhooks. Every time comes from the
 * injected clock.
 */
export const defaultWorkerOptions = {
  /** How often the loop runs (the SOP's clocks are in minutes); startWorker takes it from ctx.config.slaCheckSeconds unless given. */
  intervalMs: 60_000,
  /** Webhook deliveries claimed per round trip. */
  deliveryBatch: 20,
};

export type WorkerOptions = typeof defaultWorkerOptions & {
  /** Only these utilities (tests share one database between tenants); default all. */
  utilityIds?: number[];
  post?: Poster;
  log?: (message: string, error?: unknown) => void;
};

export interface TickReport extends ScanCounts {
  utilities: number;
  skipped: number;
  pointsCredited: number;
  webhooks: DeliveryCounts;
  /** Notification deliveries written by the fan-out, and the sends of this tick. */
  fannedOut: number;
  messages: NotificationCounts;
  /** Photos left pending by a process that died (lease run out), analysed this tick. */
  photos: AnalysisCounts;
  /** Reports journalled by a process that died (lease run out), made into tickets (or refused) this tick. */
  journal: DrainCounts;
  /** Utilities whose scan failed this tick (logged; retried next tick). */
  failed: { utilityId: number; message: string }[];
}

const defaultLog = (message: string, error?: unknown) => logger.error({ err: error }, message);

const JOB = 'sla_scan';

/** One pass of every job, as of ctx.now(). */
export async function runTick(ctx: AppContext, options: Partial<WorkerOptions> = {}): Promise<TickReport> {
  const report: TickReport = { utilities: 0, skipped: 0, escalations: 0, notifications: 0, deliveries: 0, pointsCredited: 0, webhooks: { attempted: 0, delivered: 0, failed: 0 }, photos: { analysed: 0, damaged: 0, skipped: 0 }, journal: { done: 0, refused: 0, left: 0 }, fannedOut: 0, messages: { attempted: 0, delivered: 0, retrying: 0, failed: 0 }, failed: [] };
  const utilityIds: number[] = options.utilityIds ?? (await allUtilityIds(ctx.db));

  for (const utilityId of utilityIds) {
    try {
      await ctx.db.transaction(async (tx) => {
        if (!(await claimJobRun(tx, utilityId, JOB))) {
          report.skipped += 1;
          return;
        }
        const utility = await findUtilityById(tx, utilityId);
        if (!utility) return;
        const now = ctx.now();
        const counts = await scanEscalations(tx, utility, now);
        report.fannedOut += await fanOutNotifications(tx, utility, now);
        const credited = await creditClosedTickets(tx, utilityId);
        await cleanUpExpiredSessions(tx, utilityId, now);
        await recordJobRun(tx, utilityId, JOB, now, { ...counts, pointsCredited: credited });
        report.utilities += 1;
        report.escalations += counts.escalations;
        report.notifications += counts.notifications;
        report.deliveries += counts.deliveries;
        report.pointsCredited += credited;
      });
    } catch (err) {
      // A utility deleted while we scanned it: nothing left to do for it.
      if ((err as { code?: string }).code === '23503') continue;
      // Any other failure stays with its utility; the others are still scanned.
      report.failed.push({ utilityId, message: (err as Error).message });
      (options.log ?? defaultLog)(`SLA scan of utility ${utilityId} failed`, err);
    }
  }

  try {
    report.journal = await drainJournal(ctx, { utilityIds: options.utilityIds });
  } catch (err) {
    (options.log ?? defaultLog)('Draining the intake journal failed; retried next tick', err);
  }
  try {
    report.photos = await analysePendingPhotos(ctx, { utilityIds: options.utilityIds });
  } catch (err) {
    (options.log ?? defaultLog)('Analysing photos left pending failed; retried next tick', err);
  }

  report.messages = await deliverDueNotifications(ctx.db, ctx.now, { utilityIds: options.utilityIds });
  report.webhooks = await deliverDueWebhooks(ctx.db, ctx.now, {
    batch: options.deliveryBatch ?? defaultWorkerOptions.deliveryBatch,
    post: options.post,
    utilityIds: options.utilityIds,
    allowedHosts: ctx.config.webhookAllowedHosts,
  });
  return report;
}

export interface Worker {
  /** Runs a tick now (after any tick in flight), for tests and for a nudge. */
  runOnce(): Promise<TickReport>;
  /** Stops the loop and waits for the tick in flight. */
  stop(): Promise<void>;
}

/** Starts the loop: a first tick at once, then one every intervalMs. A failing tick is logged; the loop goes on. */
export function startWorker(ctx: AppContext, options: Partial<WorkerOptions> = {}): Worker {
  const opts = { ...defaultWorkerOptions, intervalMs: ctx.config.slaCheckSeconds * 1000, ...options };
  const log = opts.log ?? defaultLog;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();

  const tick = (): Promise<TickReport> => {
    const run = inFlight.then(() => runTick(ctx, opts));
    inFlight = run.catch(() => undefined);
    return run;
  };
  const loop = () => {
    if (stopped) return;
    tick()
      .catch((err) => log('Background worker tick failed; retrying at the next interval', err))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, opts.intervalMs);
      });
  };
  loop();

  return {
    runOnce: tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
