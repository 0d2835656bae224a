/**
 * Plan solves off the request thread: a piscina pool of worker threads, each
 * running planDay (worker.ts). Size from the SOLVER_THREADS setting (default:
 * one thread on a 2-core machine, so the HTTP thread keeps a core). A solve
 * is cancellable (AbortSignal: the thread running it is stopped and replaced)
 * and reports progress when asked: its place in line while every thread is
 * busy, then the planner's start (with its budget), each step of its pipeline
 * and the groups of crews solved, then 'solved'.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PlanInput } from '../../core/planning/model.js';
import type { TravelMatrixData } from '../../core/zoning/matrix-travel.js';
import { loadConfig } from '../config.js';
import type { DayPlan, SolveInput, SolveProgress, WorkerProgress } from './protocol.js';

export type { SolveInput, SolveProgress, TravelSettings } from './protocol.js';

/** A solve stopped by its caller's AbortSignal. */
export class SolveCancelledError extends Error {
  readonly code = 'SOLVE_CANCELLED';
  constructor() {
    super('The plan solve was cancelled');
    this.name = 'SolveCancelledError';
  }
}

export interface SolveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SolveProgress) => void;
}

/** The solves waiting for a thread, first in line first; each hears its place when the line moves. */
interface Waiting {
  tell: (position: number) => void;
}

export interface SolverPool {
  readonly threads: number;
  solve(input: SolveInput, options?: SolveOptions): Promise<DayPlan>;
  close(): Promise<void>;
}

/** Default pool size: the cores less one for the HTTP thread, at least one. */
export function defaultSolverThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const fromSource = import.meta.url.endsWith('.ts');

export function createSolverPool(options: { threads?: number; idleTimeoutMs?: number } = {}): SolverPool {
  const threads = Math.max(1, options.threads ?? defaultSolverThreads());
  // From source (tsx, vitest) the thread needs the TypeScript loader too.
  const execArgv = fromSource && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
  const piscina = new Piscina({
    filename: new URL(`./worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    execArgv,
  });
  const line: Waiting[] = [];
  const leave = (entry: Waiting) => {
    const i = line.indexOf(entry);
    if (i < 0) return;
    line.splice(i, 1);
    for (let j = i; j < line.length; j++) line[j].tell(j + 1);
  };
  return {
    threads,
    async solve(input, solveOptions = {}) {
      const { signal, onProgress } = solveOptions;
      if (signal?.aborted) throw new SolveCancelledError();
      // Every solve stands in line (its place counts for those behind it); the worker's 'started' takes it out.
      const entry: Waiting = { tell: (position) => onProgress?.({ kind: 'queued', position }) };
      const channel = new MessageChannel();
      let heardEnd = () => {};
      const ended = new Promise<void>((resolve) => (heardEnd = resolve));
      channel.port2.on('message', (m: WorkerProgress) => {
        if (m.kind === 'end') return heardEnd();
        if (m.kind === 'started') leave(entry);
        onProgress?.(m);
      });
      channel.port2.unref();
      line.push(entry);
      entry.tell(line.length);
      try {
        const plan = (await piscina.run({ input, port: channel.port1 }, { signal, transferList: [channel.port1] })) as DayPlan;
        // The worker's last message: what it posted before has arrived once this side hears it.
        if (onProgress) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, 250)))]);
          clearTimeout(timer);
        }
        onProgress?.({ kind: 'solved' });
        return plan;
      } catch (error) {
        if (signal?.aborted) throw new SolveCancelledError();
        throw error;
      } finally {
        leave(entry);
        channel.port2.close();
      }
    },
    close: () => piscina.destroy(),
  };
}

let shared: SolverPool | null = null;
let sharedThreads: number | null = null;

/** Sets the size of the process's pool (SOLVER_THREADS; the composition calls it at start). */
export function configureSolverPool(threads: number): void {
  if (sharedThreads === threads) return;
  sharedThreads = threads;
  const old = shared;
  shared = null;
  void old?.close();
}

/** The process's pool, made on first use (SOLVER_THREADS from the settings unless configured). */
export function solverPool(): SolverPool {
  shared ??= createSolverPool({ threads: sharedThreads ?? loadConfig().solverThreads });
  return shared;
}

/**
 * planDay on the process's pool: the input's travel model goes as its
 * settings (a model from createTravelModel) or its road matrices (a model
 * from createMatrixTravelModel; shared memory when built by sharedMatrixData,
 * else copied), its clock stays behind (the worker's own monotonic clock runs
 * the budget). Progress comes back as the input's onStep and onProgress
 * calls, and all of it (queue place, start, steps, groups, solved) as
 * options.onProgress.
 */
export function solvePlan(input: PlanInput, options: SolveOptions = {}): Promise<DayPlan> {
  const { travel, clockMs: _clock, onStep, onProgress, ...rest } = input;
  void _clock;
  const listen = options.onProgress;
  const heard =
    onStep || onProgress || listen
      ? (p: SolveProgress) => {
          if (p.kind === 'step') onStep?.(p.step, p.elapsedMs);
          else if (p.kind === 'groups') onProgress?.(p.done, p.total);
          listen?.(p);
        }
      : undefined;
  const m = travel.matrix;
  const matrix = m ? { lat: m.lat, lon: m.lon, distances: m.distances, durations: m.durations, fallback: m.fallback } : undefined;
  return solverPool().solve({ ...rest, travel: { detourFactor: travel.detourFactor, speedKmh: travel.speedKmh, ...(matrix ? { matrix } : {}) } }, { signal: options.signal, onProgress: heard });
}

/** A matrix model's data on SharedArrayBuffers: every solve on the pool reads it where it is (no copy per thread or per call). */
export function sharedMatrixData(data: TravelMatrixData): TravelMatrixData {
  const share = <T extends Int32Array | Float64Array>(a: T, make: (b: SharedArrayBuffer) => T): T => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const out = make(new SharedArrayBuffer(a.byteLength));
    out.set(a);
    return out;
  };
  return {
    lat: share(data.lat, (b) => new Float64Array(b)),
    lon: share(data.lon, (b) => new Float64Array(b)),
    distances: share(data.distances, (b) => new Int32Array(b)),
    durations: share(data.durations, (b) => new Int32Array(b)),
    fallback: data.fallback,
  };
}

/** Stops the process's pool (shutdown). */
export async function closeSolverPool(): Promise<void> {
  const old = shared;
  shared = null;
  await old?.close();
}
