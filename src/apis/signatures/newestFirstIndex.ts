// Records kept in (createdSec, id) order so lists walk newest-first without sorting the store per
// request. A sorted list of blocks (at most 2 * BLOCK items each): appends (time moving forward)
// are O(1); inserts out of order (a new version re-tagging an old signature, a clock moved back
// through /__admin/clock) and removals cost O(log n + BLOCK + n / BLOCK), not a splice of the
// whole list, which at a million records made every re-tag a megabyte memmove.

export interface Ordered {
  readonly id: number;
  readonly createdSec: number;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  return a.createdSec - b.createdSec || a.id - b.id;
}

const BLOCK = 512;

/** First position in a sorted array whose item is not below `item`. */
function lowerBound(items: readonly Ordered[], item: Ordered): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrdered(items[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class NewestFirstIndex<T extends Ordered> {
  private readonly blocks: T[][] = []; // ascending: oldest first, newest last
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(item: T): void {
    this.count++;
    const lastBlock = this.blocks[this.blocks.length - 1];
    if (lastBlock === undefined) {
      this.blocks.push([item]);
      return;
    }
    let b = this.blocks.length - 1;
    if (compareOrdered(lastBlock[lastBlock.length - 1], item) < 0) lastBlock.push(item);
    else {
      b = this.blockFor(item);
      this.blocks[b].splice(lowerBound(this.blocks[b], item), 0, item);
    }
    const block = this.blocks[b];
    if (block.length > 2 * BLOCK) this.blocks.splice(b + 1, 0, block.splice(BLOCK));
  }

  remove(item: T): boolean {
    if (this.blocks.length === 0) return false;
    const b = this.blockFor(item);
    const block = this.blocks[b];
    const i = lowerBound(block, item);
    if (block[i] !== item) return false;
    block.splice(i, 1);
    if (block.length === 0) this.blocks.splice(b, 1);
    this.count--;
    return true;
  }

  /** Newest first. The index must not change while the walk is in progress. */
  *newestFirst(): Generator<T> {
    for (let b = this.blocks.length - 1; b >= 0; b--) {
      const block = this.blocks[b];
      for (let i = block.length - 1; i >= 0; i--) yield block[i];
    }
  }

  /** Counts the items that pass `test`: a plain loop, for totals over large indexes. */
  countWhere(test: (item: T) => boolean): number {
    let n = 0;
    for (const block of this.blocks) for (const item of block) if (test(item)) n++;
    return n;
  }

  /** The block that holds `item`, or where it belongs: the first whose last item is not below it. */
  private blockFor(item: Ordered): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid];
      if (compareOrdered(block[block.length - 1], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Newest-first walk over the union of several indexes, each record once (a k-way merge). */
export function* mergeNewestFirst<T extends Ordered>(indexes: NewestFirstIndex<T>[]): Generator<T> {
  const walks = indexes.map((index) => index.newestFirst());
  const heads = walks.map((walk) => walk.next());
  for (;;) {
    let best: T | undefined;
    for (const head of heads) if (!head.done && (best === undefined || compareOrdered(head.value, best) > 0)) best = head.value;
    if (best === undefined) return;
    yield best;
    // The same record sits in every index it belongs to: advance all of them past it.
    for (let i = 0; i < heads.length; i++) if (!heads[i].done && heads[i].value === best) heads[i] = walks[i].next();
  }
}
