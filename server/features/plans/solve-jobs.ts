/**
 * Solve jobs: a request that solves, run after its answer (202) so the
 * dispatcher can watch it and cancel it. Kept in this process's memory (the
 * instance that answered the 202 is the one to poll: deploy/README.md); one
 * writer, this module. A job is scoped to its utility: another utility's id
 * reads as not found.
 *
 * Progress is the planner's own: its place in line while every solver thread
 * is busy, then the share of its time budget used (the planner honours the
 * budget within 10 %, so the share is the honest figure), re-anchored by each
 * step of its pipeline, which also names what it is doing now.
 */
import { randomUUID } from 'node:crypto';
import { notFound } from '../../core/domain/errors.js';
import type { SolveProgress } from '../../platform/solver/pool.js';
import { SolveCancelledError } from '../../platform/solver/pool.js';
import type { SolveControl } from './service.js';

export type SolveJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
/**
 * What the job is doing: reading the day; waiting for a solver thread; the planner grouping the tickets into
 * zones (screen, urgent, zones), searching routes (group solves, fill, upgrade, moves between crews), polishing
 * them (the prize search); finishing (reasons, the baseline, storing the draft); then the end.
 */
export type SolveJobStep = 'reading' | 'waiting' | 'zoning' | 'routing' | 'polishing' | 'finishing' | 'done';

/** The planner's step just finished (plan-day.ts) -> what it does next. */
const NEXT_AFTER: Record<string, SolveJobStep> = {
  screen: 'zoning',
  urgent: 'zoning',
  zones: 'routing',
  groups: 'routing',
  fill: 'routing',
  upgrade: 'routing',
  improve: 'polishing',
  refine: 'finishing',
};

/** What a finished job made: the plan (a draft, or the published plan), and for a publish whether it was published. */
export interface SolveJobResult {
  planId: number;
  version: number;
  published: boolean | null;
}

export interface SolveJob {
  readonly id: string;
  readonly utilityId: number;
  readonly createdBy: number;
  /** What was asked, e.g. 'POST /api/v1/plans'. */
  readonly request: string;
  readonly createdAt: Date;
  state: SolveJobState;
  step: SolveJobStep;
  queuePosition: number | null;
  budgetMs: number | null;
  result: SolveJobResult | null;
  /** Why it failed (a DomainError, or anything else thrown). */
  error: unknown;
  /** Monotonic ms: the job's start, the planner's start (re-anchored by its steps), the end. */
  readonly startedMs: number;
  solveStartedMs: number | null;
  finishedMs: number | null;
  /** Percent when it stopped (failed, cancelled). */
  frozenPercent: number | null;
  readonly aborter: AbortController;
  settled: Promise<void>;
}

export const SOLVE_JOB_DEFAULTS = {
  /** A finished job can be read this long (ms), then it is forgotten. */
  keepMs: 15 * 60_000,
  /** While solving the bar stops short of this until the draft is stored. */
  solvingMaxPercent: 99,
  /** DELETE waits this long (ms) for the job to stop before answering. */
  cancelWaitMs: 10_000,
};

const jobs = new Map<string, SolveJob>();

function forgetOld(now: number): void {
  for (const [id, job] of jobs) if (job.finishedMs !== null && now - job.finishedMs > SOLVE_JOB_DEFAULTS.keepMs) jobs.delete(id);
}

/** Percent of the work done: 0 until the planner starts, its share of the budget used, 100 when stored. */
export function percentOf(job: SolveJob, nowMs: number): number {
  if (job.state === 'done') return 100;
  if (job.frozenPercent !== null) return job.frozenPercent;
  if (job.step === 'finishing') return SOLVE_JOB_DEFAULTS.solvingMaxPercent;
  if (job.solveStartedMs === null || !job.budgetMs) return 0;
  const share = Math.floor((100 * (nowMs - job.solveStartedMs)) / job.budgetMs);
  return Math.max(0, Math.min(SOLVE_JOB_DEFAULTS.solvingMaxPercent, share));
}

function hear(job: SolveJob, p: SolveProgress): void {
  const now = performance.now();
  if (job.finishedMs !== null) return;
  if (p.kind === 'queued') {
    job.state = 'queued';
    job.step = 'waiting';
    job.queuePosition = p.position;
  } else if (p.kind === 'started') {
    job.state = 'running';
    job.step = 'zoning';
    job.queuePosition = null;
    job.budgetMs = p.budgetMs;
    job.solveStartedMs = now;
  } else if (p.kind === 'step') {
    job.step = NEXT_AFTER[p.step] ?? job.step;
    // The planner's clock says how far into its budget it is; the message took a moment to arrive.
    job.solveStartedMs = now - p.elapsedMs;
  } else if (p.kind === 'solved') {
    job.step = 'finishing';
  }
}

/**
 * Starts a job that runs `run` with a SolveControl (its AbortSignal and progress listener). The job's result is
 * the plan `run` answers.
 */
export function startSolveJob(
  owner: { utilityId: number; userId: number; request: string; at: Date },
  run: (control: SolveControl) => Promise<SolveJobResult>,
): SolveJob {
  const now = performance.now();
  forgetOld(now);
  const job: SolveJob = {
    id: randomUUID(),
    utilityId: owner.utilityId,
    createdBy: owner.userId,
    request: owner.request,
    createdAt: owner.at,
    state: 'running',
    step: 'reading',
    queuePosition: null,
    budgetMs: null,
    result: null,
    error: null,
    startedMs: now,
    solveStartedMs: null,
    finishedMs: null,
    frozenPercent: null,
    aborter: new AbortController(),
    settled: Promise.resolve(),
  };
  jobs.set(job.id, job);
  const control: SolveControl = { signal: job.aborter.signal, onProgress: (p) => hear(job, p) };
  job.settled = (async () => {
    try {
      const result = await run(control);
      job.result = result;
      job.state = 'done';
      job.step = 'done';
    } catch (error) {
      job.frozenPercent = percentOf(job, performance.now());
      if (error instanceof SolveCancelledError || job.aborter.signal.aborted) job.state = 'cancelled';
      else {
        job.state = 'failed';
        job.error = error;
      }
    } finally {
      job.queuePosition = null;
      job.finishedMs = performance.now();
    }
  })();
  return job;
}

/** A job of the utility; another utility's (or a forgotten) id: NOT_FOUND. */
export function findSolveJob(utilityId: number, id: string): SolveJob {
  forgetOld(performance.now());
  const job = jobs.get(id);
  if (!job || job.utilityId !== utilityId) throw notFound('solve job', id);
  return job;
}

/**
 * Cancels a job: its solve stops (the solver thread is stopped) and nothing is stored. Answers once the job has
 * stopped: 'cancelled', or 'done' when the draft was already being stored (it exists), or 'failed'. A finished
 * job is left as it is.
 */
export async function cancelSolveJob(utilityId: number, id: string): Promise<SolveJob> {
  const job = findSolveJob(utilityId, id);
  if (job.finishedMs !== null) return job;
  job.aborter.abort();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([job.settled, new Promise((resolve) => (timer = setTimeout(resolve, SOLVE_JOB_DEFAULTS.cancelWaitMs)))]);
  clearTimeout(timer);
  return job;
}

/** Elapsed ms of a job (to its end when it ended). */
export function elapsedOf(job: SolveJob, nowMs: number): number {
  return Math.round((job.finishedMs ?? nowMs) - job.startedMs);
}
