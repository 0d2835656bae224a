/**
 * What crosses to the roads thread: the utility's network by id (its graph
 * sent only when the thread does not hold that version yet) and the points;
 * back come the matrices or the street line.
 */
import type { RoadGraphInput } from '../../core/roads/graph.js';
import type { RoadMatrix } from '../../core/roads/matrices.js';

export interface RoadTaskBase {
  utilityId: number;
  networkId: number;
  snapLimitMetres: number;
  /** lat, lon of each point, in turn. */
  points: Float64Array;
  /** The network's graph: given when the thread answered `needGraph` for this version. */
  graph?: RoadGraphInput;
}

export type RoadTask = (RoadTaskBase & { kind: 'matrix' }) | (RoadTaskBase & { kind: 'path' }) | { kind: 'forget' };

export type RoadAnswer = { needGraph: true } | { needGraph: false; matrix: RoadMatrix } | { needGraph: false; line: [number, number][] } | { needGraph: false; forgotten: true };
