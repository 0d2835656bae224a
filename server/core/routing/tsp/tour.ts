/**
 * A symmetric tour as an array of cities plus each city's position. Every
 * change is a 2-opt reconnection (Or-opt moves and kicks are compositions of
 * them), logged so that a rejected kick is undone without copying the tour.
 */
export class ArrayTour {
  readonly n: number;
  readonly order: Int32Array;
  readonly pos: Int32Array;
  /** Applied moves, 4 cities each; undoTo(mark) replays them backwards. */
  private log: Int32Array;
  logLength = 0;

  constructor(order: ArrayLike<number>) {
    this.n = order.length;
    this.order = Int32Array.from(order);
    this.pos = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) this.pos[this.order[i]] = i;
    this.log = new Int32Array(256);
  }

  succ(c: number): number {
    const p = this.pos[c] + 1;
    return this.order[p === this.n ? 0 : p];
  }

  pred(c: number): number {
    const p = this.pos[c];
    return this.order[p === 0 ? this.n - 1 : p - 1];
  }

  /**
   * Removes edges t1-t2 and t3-t4 and adds t1-t3 and t2-t4. Needs t2 = succ(t1)
   * and t4 = succ(t3), or t2 = pred(t1) and t4 = pred(t3).
   */
  move2opt(t1: number, t2: number, t3: number, t4: number): void {
    if (this.logLength + 4 > this.log.length) {
      const grown = new Int32Array(this.log.length * 2);
      grown.set(this.log);
      this.log = grown;
    }
    const l = this.log;
    const k = this.logLength;
    l[k] = t1;
    l[k + 1] = t2;
    l[k + 2] = t3;
    l[k + 3] = t4;
    this.logLength = k + 4;
    this.reconnect(t1, t2, t3, t4);
  }

  /** Reverts every move logged after `mark` (a former logLength). */
  undoTo(mark: number): void {
    const l = this.log;
    for (let k = this.logLength - 4; k >= mark; k -= 4) {
      // After t1-t2,t3-t4 -> t1-t3,t2-t4, the inverse removes t1-t3,t2-t4.
      this.reconnect(l[k], l[k + 2], l[k + 1], l[k + 3]);
    }
    this.logLength = mark;
  }

  private reconnect(t1: number, t2: number, t3: number, t4: number): void {
    if (this.succ(t1) === t2) this.reversePath(t2, t3);
    else this.reversePath(t1, t4);
  }

  /** Reverses the path from `from` forward to `to`, or its complement when shorter. */
  private reversePath(from: number, to: number): void {
    const n = this.n;
    const order = this.order;
    const pos = this.pos;
    let i = pos[from];
    let j = pos[to];
    let len = j - i;
    if (len < 0) len += n;
    len += 1;
    if (len * 2 > n) {
      const ni = j + 1;
      const nj = i - 1;
      i = ni === n ? 0 : ni;
      j = nj < 0 ? n - 1 : nj;
      len = n - len;
    }
    for (let s = len >> 1; s > 0; s--) {
      const a = order[i];
      const b = order[j];
      order[i] = b;
      pos[b] = i;
      order[j] = a;
      pos[a] = j;
      if (++i === n) i = 0;
      if (--j < 0) j = n - 1;
    }
  }

  /** Cities in visit order starting from `start`. */
  toArray(start = this.order[0]): number[] {
    const out = new Array<number>(this.n);
    let p = this.pos[start];
    for (let k = 0; k < this.n; k++) {
      out[k] = this.order[p];
      if (++p === this.n) p = 0;
    }
    return out;
  }
}
