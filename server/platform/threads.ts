/**
 * Worker-thread pools (piscina) for CPU work that must not stall the event
 * loop: photo analysis (platform/imaging), XLSX workbooks
 * (features/reports/xlsx.pool.ts). The plan solver has its own pool
 * (platform/solver, with cancellation and progress).
 */
import { Piscina } from 'piscina';

/** True when running from TypeScript source (tsx, vitest): the thread then needs tsx too, and the worker file is `.ts`. */
export const fromSource = import.meta.url.endsWith('.ts');

/**
 * A pool over the worker module `name` beside `base` (`name.ts` from source,
 * `name.js` built), at most `threads` threads, none kept while idle.
 */
export function threadPool(base: string, name: string, threads: number, idleTimeoutMs = 30_000): Piscina {
  const execArgv = fromSource && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
  return new Piscina({
    filename: new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, base).href,
    minThreads: 0,
    maxThreads: Math.max(1, threads),
    idleTimeout: idleTimeoutMs,
    execArgv,
  });
}
