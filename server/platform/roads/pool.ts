/**
 * Road matrices and street paths off the event loop: one thread (piscina,
 * worker.ts) that keeps the graphs it was given, so a 1,000-point matrix
 * (about 0.3 s cold) or a city's trip lines never stall intake or /healthz.
 * One thread, so the graph is sent once per network version and the last
 * matrix is found again; it stays while the process runs (no idle timeout).
 */
import { threadPool } from '../threads.js';
import type { RoadGraphInput } from '../../core/roads/graph.js';
import type { RoadMatrix } from '../../core/roads/matrices.js';
import type { RoadAnswer, RoadTaskBase } from './protocol.js';

/** A matrix or path question: the network named by version, the points as objects (flattened for the thread). */
export type RoadQuestion = Omit<RoadTaskBase, 'graph' | 'points'> & { points: readonly { lat: number; lon: number }[] };

export interface RoadsThread {
  /** `graph` is asked for (once per network version) when the thread does not hold it. */
  matrix(task: RoadQuestion, graph: () => Promise<RoadGraphInput>): Promise<RoadMatrix>;
  path(task: RoadQuestion, graph: () => Promise<RoadGraphInput>): Promise<[number, number][]>;
  /** Drops every graph the thread holds (tests, after writing networks behind the service's back). */
  forget(): Promise<void>;
}

function flat(points: readonly { lat: number; lon: number }[]): Float64Array {
  const out = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    out[2 * i] = p.lat;
    out[2 * i + 1] = p.lon;
  });
  return out;
}

export function createRoadsThread(): RoadsThread {
  const piscina = threadPool(import.meta.url, 'worker', 1, Infinity);
  const ask = async (kind: 'matrix' | 'path', task: RoadQuestion, graph: () => Promise<RoadGraphInput>): Promise<RoadAnswer> => {
    const base = { kind, utilityId: task.utilityId, networkId: task.networkId, snapLimitMetres: task.snapLimitMetres, points: flat(task.points) };
    const first = (await piscina.run(base)) as RoadAnswer;
    return first.needGraph ? ((await piscina.run({ ...base, graph: await graph() })) as RoadAnswer) : first;
  };
  return {
    async matrix(task, graph) {
      const answer = await ask('matrix', task, graph);
      if (answer.needGraph || !('matrix' in answer)) throw new Error('the roads thread answered no matrix');
      return answer.matrix;
    },
    async path(task, graph) {
      const answer = await ask('path', task, graph);
      if (answer.needGraph || !('line' in answer)) throw new Error('the roads thread answered no path');
      return answer.line;
    },
    async forget() {
      await piscina.run({ kind: 'forget' });
    },
  };
}

let shared: RoadsThread | null = null;

/** The process's roads thread, made on first use. */
export function roadsThread(): RoadsThread {
  shared ??= createRoadsThread();
  return shared;
}
