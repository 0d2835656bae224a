/**
 * What a TSP local-search operator works on, and the one contract every
 * operator follows: look for an improving move around one city, apply the first
 * one found, re-queue the cities whose edges changed, return the gain.
 */
import type { IndexQueue } from '../base/queue.js';
import type { ArrayTour } from './tour.js';

export { IndexQueue as CityQueue } from '../base/queue.js';

export interface TspContext {
  n: number;
  /** Symmetric integer distances, row-major n x n. */
  matrix: Int32Array;
  /** Candidate lists: row c is neighbours[c*k .. c*k+k), nearest first. */
  neighbours: Int32Array;
  k: number;
  tour: ArrayTour;
  queue: IndexQueue;
}

export interface TspOperator {
  readonly name: string;
  /** Applies the first improving move found around city `a`; returns its gain (0: none). */
  improveCity(ctx: TspContext, a: number): number;
}
