/**
 * Photo analysis after the acknowledgment (issue 11, intake throughput). The
 * request only sniffs the header and stores the original; the row is written
 * pending (photos.analysed_at NULL) with a lease held by the process that
 * wrote it. Then, off the event loop on the imaging threads
 * (platform/imaging): the blur score, the EXIF position and camera time, and
 * the list thumbnail; the ticket's blur flag follows its first report photo.
 *
 * Durable: the pending row is the marker. The writing process analyses its
 * own photos as soon as they commit (`analyseSoon`, an in-memory queue of
 * ids); if it dies first, the lease runs out and any instance picks the photo
 * up: at start (main.ts) and on every worker tick (server/worker.ts). In a
 * burst the queue waits while requests with a photo are in flight
 * (platform/intake-load.ts, at most INTAKE_YIELD_MS a batch): the reports are
 * acknowledged first. An
 * acknowledged photo is never left unanalysed; at worst it is analysed twice
 * (the second result is not recorded: `analysed_at IS NULL` guards it).
 */
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import { imagingPool, type ImagingPool } from '../../platform/imaging/pool.js';
import { THUMBNAIL_WIDTH } from '../../platform/storage/photos.js';
import { logger } from '../../platform/log.js';
import { intakeQuiet } from '../../platform/intake-load.js';
import { WorkQueue } from '../../platform/work-queue.js';
import { utilityReader } from '../utilities/service.js';
import { claimPendingPhotos, pendingReportPhotoIds, recordPhotoAnalysis, type PendingPhoto } from './photos.repository.js';

/** How long the claiming process holds a pending photo before another instance may take it over. */
export const ANALYSIS_LEASE_SECONDS = 120;

/** The lease a newly written photo carries (the writer's). */
export const analysisLeaseFrom = (now: Date): Date => new Date(now.getTime() + ANALYSIS_LEASE_SECONDS * 1000);

export interface AnalysisCounts {
  analysed: number;
  damaged: number;
  /** Claimed but whose original is not in this process's store (left for another instance). */
  skipped: number;
}

/** Analyses claimed photos on the imaging pool, a batch at a time, and records each result. */
async function analyseClaimed(ctx: AppContext, photos: PendingPhoto[], pool: ImagingPool, counts: AnalysisCounts): Promise<void> {
  const utilityOf = utilityReader(ctx.db);
  const notHere: number[] = [];
  await Promise.all(
    photos.map(async (photo) => {
      const [utility, original] = await Promise.all([utilityOf(photo.utilityId), ctx.photos.backend.get(photo.storedPath)]);
      if (!utility) return; // the utility was deleted (its photos with it)
      if (!original) {
        notHere.push(photo.id);
        return;
      }
      const thumbnailWidth = photo.kind === 'report' ? THUMBNAIL_WIDTH : null;
      const result = await pool.analyse(original, utility.timeZone, thumbnailWidth);
      if (result.ok && result.thumbnail) await ctx.photos.saveThumbnail(photo.storedPath, result.thumbnail);
      const blurred = !result.ok || result.blurScore < utility.settings.blurThreshold;
      if (await recordPhotoAnalysis(ctx.db, photo, result.ok ? result : { error: result.error }, blurred, ctx.now())) {
        if (result.ok) counts.analysed++;
        else counts.damaged++;
      }
    }),
  );
  if (notHere.length) {
    // They keep this claim's lease: tried again when it runs out (by whichever instance holds the original), never in a loop here.
    counts.skipped += notHere.length;
    logger.warn({ photoIds: notHere }, 'Photos pending analysis whose original is not in this store; tried again when the lease runs out');
  }
}

/**
 * Analyses every pending photo whose lease ran out (of `utilityIds` when
 * given): the recovery after a crash, run at start and by the worker.
 */
export async function analysePendingPhotos(
  ctx: AppContext,
  options: { utilityIds?: number[]; pool?: ImagingPool; batch?: number; /** Leases held by a live process too (tests, an operator's command). */ includeLeased?: boolean } = {},
): Promise<AnalysisCounts> {
  const pool = options.pool ?? imagingPool();
  const batch = options.batch ?? Math.max(4, pool.threads * 4);
  const counts: AnalysisCounts = { analysed: 0, damaged: 0, skipped: 0 };
  for (;;) {
    const now = ctx.now();
    const claimed = await claimPendingPhotos(ctx.db, now, analysisLeaseFrom(now), { limit: batch, utilityIds: options.utilityIds, includeLeased: options.includeLeased });
    if (!claimed.length) return counts;
    // Each claimed photo is now analysed or leased for a while: the next claim gets other rows, and ends empty.
    await analyseClaimed(ctx, claimed, pool, counts);
  }
}

/**
 * Analyses the ticket's report photos still pending, at once: for an SPK
 * asked for before the queue got to them (the SPK rule needs the blur flag).
 */
export async function analyseReportPhotoNow(ctx: AppContext, utilityId: number, ticketId: number, pool: ImagingPool = imagingPool()): Promise<void> {
  const ids = await pendingReportPhotoIds(ctx.db, utilityId, ticketId);
  if (!ids.length) return;
  const now = ctx.now();
  const claimed = await claimPendingPhotos(ctx.db, now, analysisLeaseFrom(now), { ids });
  await analyseClaimed(ctx, claimed, pool, { analysed: 0, damaged: 0, skipped: 0 });
}

/**
 * A process's queue of its own photos to analyse once committed. `add` is
 * called when the writing transaction commits (analyseSoon); an id not visible
 * yet (a writer that queued it early) is tried again a few times, then left to
 * the lease (a rolled-back photo simply never appears).
 */
const MAX_TRIES = 20;
/**
 * How long a batch of analyses waits at most for the requests with a photo in flight to end: in a burst the
 * acknowledgments get the CPU, and every batch still starts within this time (well inside the photo's lease).
 */
export const INTAKE_YIELD_MS = 10_000;

class AnalysisQueue extends WorkQueue<{ id: number; tries: number }> {
  /** Ids not visible yet, looked for again after a pause. */
  private readonly setAside: { id: number; tries: number }[] = [];
  readonly counts: AnalysisCounts = { analysed: 0, damaged: 0, skipped: 0 };

  constructor(
    private readonly ctx: AppContext,
    private readonly pool: () => ImagingPool,
  ) {
    super('Photo analysis failed; the photos stay pending for the next attempt');
  }

  protected async drain(): Promise<void> {
    const pool = this.pool();
    const batch = Math.max(8, pool.threads * 8);
    const notYet: { id: number; tries: number }[] = [];
    while (this.waiting.length && !this.stopped) {
      // Reports first: while requests with a photo are in flight, the analysis waits (bounded, so it still runs under endless load).
      await intakeQuiet(INTAKE_YIELD_MS, 50, () => this.stopped);
      if (this.stopped) break;
      const items = this.waiting.splice(0, batch);
      const now = this.ctx.now();
      const claimed = await claimPendingPhotos(this.ctx.db, now, analysisLeaseFrom(now), { ids: items.map((i) => i.id) });
      const found = new Set(claimed.map((p) => p.id));
      for (const item of items) if (!found.has(item.id) && item.tries < MAX_TRIES) notYet.push({ id: item.id, tries: item.tries + 1 });
      if (claimed.length) await analyseClaimed(this.ctx, claimed, pool, this.counts);
    }
    if (notYet.length && !this.stopped) {
      // Not committed yet (or rolled back, or analysed elsewhere): look again shortly, for about half a minute
      // (a rolled-back photo never appears; one whose commit took longer still is the lease's and the worker's).
      this.setAside.push(...notYet);
      const delay = Math.min(2000, 50 * 2 ** Math.min(...notYet.map((i) => i.tries - 1)));
      this.later(delay, () => {
        for (const item of this.setAside.splice(0)) this.add(item);
      });
    }
  }
}

/** One queue per photo store and database: the app's (createApp registers it), shared by every copy of its context. */
const queues = new WeakMap<object, AnalysisQueue>();

/** Starts analysing this context's photos after their acknowledgment (createApp calls it). */
export function startPhotoAnalysis(ctx: AppContext, pool: () => ImagingPool = imagingPool): void {
  if (!queues.has(ctx.photos)) queues.set(ctx.photos, new AnalysisQueue(ctx, pool));
}

/**
 * Queues a photo just written for analysis; a no-op where no analysis was
 * started (bare service tests). Given the writing transaction, it is queued
 * when that commits (and never when it rolls back): claimed before the
 * commit, the row is not visible yet and the queue would look again later.
 */
export function analyseSoon(ctx: AppContext, photoId: number, writing: Tx | null = null): void {
  const queue = queues.get(ctx.photos);
  if (!queue) return;
  if (writing) {
    writing.executionPromise.then(
      () => queue.add({ id: photoId, tries: 0 }),
      () => undefined,
    );
  } else queue.add({ id: photoId, tries: 0 });
}

/** Waits until this context's queue is empty (tests; shutdown). */
export async function photoAnalysisIdle(ctx: AppContext): Promise<void> {
  await queues.get(ctx.photos)?.idle();
}

/** Stops the queue (shutdown); pending photos keep their marker and are picked up after the lease. */
export async function stopPhotoAnalysis(ctx: AppContext): Promise<void> {
  const queue = queues.get(ctx.photos);
  queues.delete(ctx.photos);
  await queue?.stop();
}
