/**
 * The one contract of every VRP local-search operator (one operator per file):
 * `search` looks at the moves around one job, and records in `best` a move
 * whose gain beats best.gain, checking feasibility (capacity, shift, pins) only
 * for a move whose gain would win; `apply` performs a recorded move by
 * rewriting the routes it changes (move.r1 and move.r2).
 */
import { isAllowed } from '../model/model.js';
import type { RouteState } from '../model/state.js';

export interface VrpOperator {
  readonly name: string;
  search(s: RouteState, u: number, best: Move): void;
  apply(s: RouteState, move: Move): void;
}

/** A recorded move; the meaning of a..d belongs to the operator. */
export interface Move {
  gain: number;
  op: VrpOperator | null;
  r1: number;
  r2: number;
  a: number;
  b: number;
  c: number;
  d: number;
}

export function emptyMove(): Move {
  return { gain: 0, op: null, r1: -1, r2: -1, a: 0, b: 0, c: 0, d: 0 };
}

export function recordMove(best: Move, op: VrpOperator, gain: number, r1: number, r2: number, a: number, b: number, c: number, d: number): void {
  best.gain = gain;
  best.op = op;
  best.r1 = r1;
  best.r2 = r2;
  best.a = a;
  best.b = b;
  best.c = c;
  best.d = d;
}

/** May every job at positions i..j of route `from` ride in vehicle `to`? */
export function segmentAllowed(s: RouteState, from: number, i: number, j: number, to: number): boolean {
  if (s.model.allowed === null) return true;
  const b = from * s.stride;
  for (let p = i; p <= j; p++) if (!isAllowed(s.model, to, s.jobs[b + p])) return false;
  return true;
}

/** Positions i..j of route r as a job array, optionally reversed. */
export function segmentJobs(s: RouteState, r: number, i: number, j: number, reversed = false): number[] {
  const out: number[] = [];
  const b = r * s.stride;
  if (reversed) for (let p = j; p >= i; p--) out.push(s.jobs[b + p]);
  else for (let p = i; p <= j; p++) out.push(s.jobs[b + p]);
  return out;
}
