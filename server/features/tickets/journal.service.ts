/**
 * The intake journal (issue 11, intake throughput). A citizen report costs
 * about 27 ms of CPU when its ticket is made while the citizen waits (some
 * twenty statements: the checks, the number, the ticket, its event, the
 * reporter, the photo row, the answer): two cores then take fewer than 100
 * reports a second. When many reports are in flight at once (a main bursts
 * and a street reports it; INTAKE_JOURNAL_AT, default 6), a new report is
 * instead:
 *
 * 1. checked for what needs no database (fields, phone, category, photo
 *    required; the phone's throttle when on), its photo sniffed and stored
 *    (fsync), as on the direct path;
 * 2. written as one journal row, in one statement with its Idempotency-Key;
 * 3. answered 202 with a token. The citizen's form polls
 *    GET /api/v1/reports/receipts/{token} and shows the number a moment later;
 *    a retry with the same key gets the same token.
 *
 * Then the drain (a queue in this process, like the photo analysis's) makes
 * the ticket exactly as the direct path does (`prepareReport` with the checks
 * that need the database: blocked reporter, proven phone, service area; then
 * `writeReport`) and stores the answer, the receipt or the refusal, on the
 * row and the key in the ticket's transaction. The ticket's received time is
 * the journal's, so no SLA loses the minutes the drain took.
 *
 * Nothing acknowledged is lost: the row and the photo are durable before the
 * 202. The writer holds a lease on its rows; a row whose lease ran out (the
 * process died) is drained by any instance, at start (main.ts) and on every
 * worker tick. Each claim is a new attempt and only the holding attempt may
 * finish the row (the same fence as idempotency.service.ts): one ticket per row.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import { logger } from '../../platform/log.js';
import { intakeInFlight } from '../../platform/intake-load.js';
import { WorkQueue } from '../../platform/work-queue.js';
import { DomainError, ErrorCode, isDomainError } from '../../core/domain/errors.js';
import { errorBodyOf, httpStatusOf } from '../../platform/http/errors.js';
import { utilityReader, type Utility } from '../utilities/service.js';
import { checkReportFields, prepareReport, writeReport, type PreparedReport, type ReportInput } from './intake.service.js';
import { storePhoto, type StoredPhoto } from './photos.service.js';
import { followUpLinkOf } from './follow-up.service.js';
import { presentReceipt, receiptStatusOf } from './view.js';
import { claimJournal, deleteFinishedBefore, findEntryByToken, finishEntry, journalReport, type JournalEntry } from './journal.repository.js';
import { checkIdempotencyKey } from './idempotency.service.js';

/** How long the writing (or claiming) process holds a journal row before another instance may drain it. */
const JOURNAL_LEASE_SECONDS = 120;

/** The lease a journal row takes at `now` (its writer's, or a drain's claim). */
const journalLeaseFrom = (now: Date): Date => new Date(now.getTime() + JOURNAL_LEASE_SECONDS * 1000);
/** How long a finished row's answer is kept for the form to poll. */
const KEEP_FINISHED_DAYS = 7;
/** Reports drained at once (each its own transaction). */
const DRAIN_CONCURRENCY = 4;
/** How long a batch of the drain waits at most while the intake is journalling (a burst is acknowledged first). */
const DRAIN_YIELD_MS = 5_000;
/** The intake counts as journalling until this long after its last journalled report (in-flight counts flicker between requests). */
const JOURNALLING_QUIET_MS = 250;
/** When this process last journalled a report (ms since the epoch). */
let lastJournalledAt = 0;

/** Resolves once no report was journalled for JOURNALLING_QUIET_MS, or after `maxWaitMs`; `stopped` ends the wait early. */
async function journallingPaused(maxWaitMs: number, stopped: () => boolean): Promise<void> {
  const until = Date.now() + maxWaitMs;
  while (Date.now() - lastJournalledAt < JOURNALLING_QUIET_MS && Date.now() < until && !stopped()) await new Promise((r) => setTimeout(r, 50).unref());
}
/** Times this process tries again a row it could not drain (the database away) before leaving it to the lease. */
const MAX_RETRIES = 10;
/** The pause before the nth try again (from 0): 0.5 s, doubling, at most 30 s. */
const retryPauseMs = (n: number): number => Math.min(30_000, 500 * 2 ** n);
/** Seconds the form is told to wait between two polls of a token. */
export const POLL_SECONDS = 1;

/** The report as the journal keeps it: the input without the photo's bytes, and the stored photo. */
interface JournalRequest {
  input: Omit<ReportInput, 'photo' | 'photoSha256' | 'storedPhoto' | 'receivedAt'>;
  photo: StoredPhoto | null;
}

/** The answer the route sends: a receipt (201/200) or the 202 of a journalled report. */
export interface IntakeAnswer {
  statusCode: number;
  body: Record<string, unknown>;
}

/** Whether a report arriving now is journalled: as many reports with a photo in flight as INTAKE_JOURNAL_AT (this one counted). */
export function journalling(ctx: AppContext): boolean {
  return intakeInFlight() >= ctx.config.intakeJournalAt;
}

/** The receipt the citizen gets for a report written (the direct path and the drain): status and body. */
export async function receiptAnswer(inTx: AppContext, utility: Utility, prepared: PreparedReport): Promise<IntakeAnswer> {
  const receipt = await writeReport(inTx, utility, prepared);
  const followUpUrl = await followUpLinkOf(inTx, utility, receipt.id, receipt.reporterId);
  return { statusCode: receiptStatusOf(receipt), body: { ...presentReceipt(receipt, utility), followUpUrl } };
}

/** Where the form polls a journalled report. */
const receiptUrlOf = (utility: Utility, token: string): string => `/api/v1/reports/receipts/${token}?jurisdiction_id=${encodeURIComponent(utility.code)}`;

function acceptedBody(utility: Utility, token: string, receivedAt: Date) {
  return {
    token,
    state: 'pending' as const,
    receiptUrl: receiptUrlOf(utility, token),
    receivedAt: receivedAt.toISOString(),
    retryAfterSeconds: POLL_SECONDS,
  };
}

/**
 * Journals a citizen's report (steps 1-3 above): its 202 answer, or null when
 * its Idempotency-Key was used before (the caller answers as for any reused
 * key: the first answer again, or 409). `beforeStore` runs after the cheap
 * checks and before the photo is stored (the phone's throttle).
 */
export async function journalCitizenReport(
  ctx: AppContext,
  utility: Utility,
  input: ReportInput,
  key: { key: string; requestHash: string } | null,
  beforeStore: () => Promise<void>,
): Promise<IntakeAnswer | null> {
  if (key) checkIdempotencyKey(key.key);
  checkReportFields(utility, input, true);
  await beforeStore();
  const photo = input.photo ? await storePhoto(ctx, utility, input.photo, input.photoSha256 ?? undefined) : null;
  const receivedAt = ctx.now();
  const token = crypto.randomUUID();
  const body = acceptedBody(utility, token, receivedAt);
  const { photo: _bytes, photoSha256: _sha, storedPhoto: _stored, receivedAt: _at, ...rest } = input;
  const request: JournalRequest = { input: rest, photo };
  let id: number | null;
  try {
    id = await journalReport(
      ctx.db,
      { utilityId: utility.id, token, request, receivedAt, leaseUntil: journalLeaseFrom(receivedAt) },
      key ? { ...key, accepted: body } : null,
    );
  } catch (err) {
    // The statement may have committed before the connection broke: a retry by key then replays the 202, and the
    // row is this process's to drain (not queued here, it would wait for its lease and a worker).
    queueOf(ctx)?.adopt(utility.id, token);
    throw err;
  }
  if (id === null) return null;
  lastJournalledAt = Date.now();
  queueOf(ctx)?.add(id);
  return { statusCode: 202, body };
}

/** What the form polls: 202 while pending; then the stored receipt (201/200) or the refusal (4xx with its error). 404 for a token this utility does not know. */
export async function journalAnswer(ctx: AppContext, utility: Utility, token: string): Promise<IntakeAnswer> {
  const notFound = () => new DomainError(ErrorCode.notFound, 'No report is waiting under this token', { field: 'token' });
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) throw notFound();
  const entry = await findEntryByToken(ctx.db, utility.id, token);
  if (!entry) throw notFound();
  if (entry.state === 'pending') return { statusCode: 202, body: acceptedBody(utility, token, entry.receivedAt) };
  return { statusCode: entry.statusCode!, body: entry.response as Record<string, unknown> };
}

/** A row taken over by another attempt while this one ran: its transaction is rolled back. */
class TakenOver extends Error {}

/** Makes one journalled report's ticket (or its refusal) and finishes the row; a failure that is not the report's leaves it pending for the next claim. */
async function drainEntry(ctx: AppContext, entry: JournalEntry, utilityOf: (id: number) => Promise<Utility | null>): Promise<'done' | 'refused' | 'left'> {
  const utility = await utilityOf(entry.utilityId);
  if (!utility) return 'left'; // the utility was deleted (its journal with it)
  const { input, photo } = entry.request as JournalRequest;
  try {
    const prepared = await prepareReport(ctx, utility, { ...input, storedPhoto: photo, receivedAt: entry.receivedAt });
    await ctx.db.transaction(async (tx: Tx) => {
      const answer = await receiptAnswer({ ...ctx, db: tx }, utility, prepared);
      if (!(await finishEntry(tx, entry, 'done', answer.statusCode, answer.body, ctx.now()))) throw new TakenOver();
    });
    return 'done';
  } catch (err) {
    if (err instanceof TakenOver) return 'left';
    if (isDomainError(err) && httpStatusOf(err.code) < 500) {
      // The report's own fault (blocked phone, outside the service area, ...): the form shows it as it would have at once.
      await finishEntry(ctx.db, entry, 'refused', httpStatusOf(err.code), { error: errorBodyOf(err, `journal-${entry.id}`) }, ctx.now());
      return 'refused';
    }
    logger.warn({ err, journalId: entry.id }, 'A journalled report could not be made into a ticket now; it stays pending, tried again shortly (and by any instance once its lease runs out)');
    return 'left';
  }
}

export interface DrainCounts {
  done: number;
  refused: number;
  left: number;
}

/** Drains claimed entries, a few at a time; returns the ids left pending (a failure not the report's: the database away). */
async function drainClaimed(ctx: AppContext, entries: JournalEntry[], counts: DrainCounts): Promise<number[]> {
  const utilityOf = utilityReader(ctx.db);
  const left: number[] = [];
  for (let i = 0; i < entries.length; i += DRAIN_CONCURRENCY) {
    const slice = entries.slice(i, i + DRAIN_CONCURRENCY);
    const results = await Promise.all(slice.map((e) => drainEntry(ctx, e, utilityOf)));
    results.forEach((r, q) => {
      counts[r]++;
      if (r === 'left') left.push(slice[q].id);
    });
  }
  return left;
}

/**
 * Drains every journalled report whose lease ran out (of `utilityIds` when
 * given): the recovery after a crash, run at start and by the worker; and old
 * finished rows deleted (of `utilityIds` too: a worker scoped to some
 * utilities leaves the others' answers alone).
 */
export async function drainJournal(ctx: AppContext, options: { utilityIds?: number[]; batch?: number } = {}): Promise<DrainCounts> {
  const counts: DrainCounts = { done: 0, refused: 0, left: 0 };
  const batch = options.batch ?? 16;
  for (;;) {
    const now = ctx.now();
    const claimed = await claimJournal(ctx.db, now, journalLeaseFrom(now), { limit: batch, utilityIds: options.utilityIds });
    if (!claimed.length) break;
    await drainClaimed(ctx, claimed, counts);
  }
  await deleteFinishedBefore(ctx.db, new Date(ctx.now().getTime() - KEEP_FINISHED_DAYS * 86_400_000), options.utilityIds);
  return counts;
}

/**
 * A process's queue of its own journal rows: drained a batch at a time, each
 * batch after the burst eases (while the intake is journalling it waits, at
 * most DRAIN_YIELD_MS, so the drain still moves under endless load).
 */
class JournalQueue extends WorkQueue<number> {
  /** Times each id was left pending (the database away): tried again with a growing pause, then left to the lease. */
  private readonly tries = new Map<number, number>();
  /** Ids waiting for the pause to end. */
  private readonly retrying = new Set<number>();
  readonly counts: DrainCounts = { done: 0, refused: 0, left: 0 };

  constructor(private readonly ctx: AppContext) {
    super('Draining the intake journal failed; its rows stay pending for the next attempt');
  }

  protected async drain(): Promise<void> {
    while (this.waiting.length && !this.stopped) {
      await journallingPaused(DRAIN_YIELD_MS, () => this.stopped);
      if (this.stopped) break;
      const ids = this.waiting.splice(0, DRAIN_CONCURRENCY * 4);
      const now = this.ctx.now();
      let left: number[];
      try {
        const claimed = await claimJournal(this.ctx.db, now, journalLeaseFrom(now), { ids });
        left = await drainClaimed(this.ctx, claimed, this.counts);
      } catch (err) {
        // The database is away: the whole batch is tried again shortly.
        logger.warn({ err }, 'Draining journalled reports failed; tried again shortly');
        left = ids;
      }
      for (const id of ids) if (!left.includes(id)) this.tries.delete(id);
      this.retryLater(left);
    }
  }

  /**
   * The row under `token`, if its statement committed after all: queued once the database answers (looked up
   * after 0.5 s, the pause doubling while it is away, MAX_RETRIES times; then it is the lease's). Not found: it
   * never committed, and the client was told so.
   */
  adopt(utilityId: number, token: string): void {
    void (async () => {
      for (let n = 0; n < MAX_RETRIES && !this.stopped; n++) {
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs(n)).unref());
        if (this.stopped) return;
        try {
          const entry = await findEntryByToken(this.ctx.db, utilityId, token);
          if (entry?.state === 'pending') this.add(entry.id);
          return;
        } catch {
          // The database is still away: looked up again after a longer pause.
        }
      }
    })();
  }

  /** Ids left pending tried again after a pause (0.5 s doubling, at most 30 s); after MAX_RETRIES they are the lease's. */
  private retryLater(ids: number[]): void {
    const again = ids.filter((id) => {
      const n = (this.tries.get(id) ?? 0) + 1;
      this.tries.set(id, n);
      if (n > MAX_RETRIES) this.tries.delete(id);
      return n <= MAX_RETRIES;
    });
    if (!again.length) return;
    for (const id of again) this.retrying.add(id);
    const delay = retryPauseMs(Math.min(...again.map((id) => this.tries.get(id)! - 1)));
    this.later(delay, () => {
      const retry = [...this.retrying];
      this.retrying.clear();
      for (const id of retry) this.add(id);
    });
  }
}

const queues = new WeakMap<object, JournalQueue>();
const queueOf = (ctx: AppContext): JournalQueue | undefined => queues.get(ctx.photos);

/** Starts draining this context's journal rows as they are written (createApp calls it). */
export function startJournalDrain(ctx: AppContext): void {
  if (!queues.has(ctx.photos)) queues.set(ctx.photos, new JournalQueue(ctx));
}

/** Waits until this context's queue is empty (tests; shutdown). */
export async function journalIdle(ctx: AppContext): Promise<void> {
  await queueOf(ctx)?.idle();
}

/** Stops the queue (shutdown); its rows stay pending and are drained after their lease by any instance. */
export async function stopJournalDrain(ctx: AppContext): Promise<void> {
  const queue = queueOf(ctx);
  queues.delete(ctx.photos);
  await queue?.stop();
}
