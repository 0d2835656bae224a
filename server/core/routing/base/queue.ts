/**
 * FIFO of item indexes without duplicates. An item's "don't-look bit" is its
 * absence: local search pops items until none improves, and re-queues the
 * items whose surroundings changed.
 */
export class IndexQueue {
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
