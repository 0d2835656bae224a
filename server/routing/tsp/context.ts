/**
 * What a TSP local-search operator works on, and the one contract every
 * operator follows: look for an improving move around one city, apply the first
 * one found, re-queue the cities whose edges changed, return the gain.
 */
import type { ArrayTour } from './tour.js';

/** FIFO of cities to look at; a city's "don't-look bit" is simply its absence. */
export class CityQueue {
  private readonly items: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private size = 0;

  constructor(n: number) {
    this.items = new Int32Array(n);
    this.queued = new Uint8Array(n);
  }

  get length(): number {
    return this.size;
  }

  push(c: number): void {
    if (this.queued[c]) return;
    this.queued[c] = 1;
    let tail = this.head + this.size;
    if (tail >= this.items.length) tail -= this.items.length;
    this.items[tail] = c;
    this.size++;
  }

  pop(): number {
    const c = this.items[this.head];
    if (++this.head === this.items.length) this.head = 0;
    this.size--;
    this.queued[c] = 0;
    return c;
  }
}

export interface TspContext {
  n: number;
  /** Symmetric integer distances, row-major n x n. */
  matrix: Int32Array;
  /** Candidate lists: row c is neighbours[c*k .. c*k+k), nearest first. */
  neighbours: Int32Array;
  k: number;
  tour: ArrayTour;
  queue: CityQueue;
}

export interface TspOperator {
  readonly name: string;
  /** Applies the first improving move found around city `a`; returns its gain (0: none). */
  improveCity(ctx: TspContext, a: number): number;
}
