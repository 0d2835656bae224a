import { logger } from './log.js';

/**
 * A process's in-memory queue of work written durably elsewhere (a photo to
 * analyse, a journalled report to make into a ticket): items are added as they
 * are written and drained one run at a time, after the current turn (so the
 * writer's transaction commits first). The durable marker stays the truth: a
 * stopped queue drops its items, and the lease of each marker brings them back
 * to whichever instance claims it. Subclasses say how a run drains.
 */
export abstract class WorkQueue<T> {
  protected readonly waiting: T[] = [];
  protected stopped = false;
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  /** `failure`: the log line when a run fails (its items stay pending for the next attempt). */
  constructor(private readonly failure: string) {}

  add(item: T): void {
    if (this.stopped) return;
    this.waiting.push(item);
    this.kick();
  }

  /**
   * Resolves when nothing is being drained or waiting to be (tests; shutdown).
   * Items set aside for a later try (`later`) are not waited for: the durable
   * marker's lease covers them.
   */
  async idle(): Promise<void> {
    while (this.running || this.waiting.length) {
      if (!this.running) this.kick();
      await (this.running ?? new Promise((r) => setTimeout(r, 20)));
    }
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return this.running ?? Promise.resolve();
  }

  /** One run: drains `waiting` (items taken off it as they are handled). */
  protected abstract drain(): Promise<void>;

  /**
   * Calls `then` after `delayMs` (unless stopped), once: while a pause runs,
   * another is not started (`then` should take every item set aside by then).
   */
  protected later(delayMs: number, then: () => void): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) then();
    }, delayMs);
    this.retryTimer.unref();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    // After the current turn, so the caller's transaction can commit first.
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .catch((err: unknown) => logger.warn({ err }, this.failure))
      .finally(() => {
        this.running = null;
        if (this.waiting.length && !this.stopped) this.kick();
      });
  }
}
