// Items kept in `compare` order at insert time, so a list page is a slice found by rank (or a walk
// from the newest end), not a sort of the whole store per request. A sorted list of blocks (at most
// 2 * BLOCK items each): appends (ids, dates moving forward) are O(1); an insert out of order or a
// removal costs O(log n + BLOCK + n / BLOCK), not a splice of the whole list, which at a million
// records was a megabyte memmove; reaching a rank costs O(log n) through per-block start ranks
// rebuilt lazily after a change (reads dominate).

type Compare<T> = (a: T, b: T) => number;

const BLOCK = 512;

/** First position in a sorted array whose item is not below `item`. */
function lowerBound<T>(items: readonly T[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedIndex<T> {
  private blocks: T[][] = [];
  /** starts[b] is the rank of blocks[b][0]; undefined after a change until the next read. */
  private starts: number[] | undefined;
  private count = 0;

  /** `compare` must be a total order over the items stored (break ties, e.g. by id). */
  constructor(readonly compare: Compare<T>) {}

  get size(): number {
    return this.count;
  }

  add(item: T): void {
    this.count++;
    this.starts = undefined;
    const last = this.blocks[this.blocks.length - 1];
    if (last === undefined) {
      this.blocks.push([item]);
      return;
    }
    let b = this.blocks.length - 1;
    if (this.compare(last[last.length - 1], item) < 0)
      last.push(item); // appends (ids, dates) skip the search
    else {
      b = this.blockFor(item);
      this.blocks[b].splice(lowerBound(this.blocks[b], item, this.compare), 0, item);
    }
    const block = this.blocks[b];
    if (block.length > 2 * BLOCK) this.blocks.splice(b + 1, 0, block.splice(BLOCK));
  }

  /** Removes this very item (found by its sort key, which must not have changed since it was added). */
  remove(item: T): boolean {
    if (this.blocks.length === 0) return false;
    const b = this.blockFor(item);
    const block = this.blocks[b];
    const i = lowerBound(block, item, this.compare);
    if (block[i] !== item) return false;
    block.splice(i, 1);
    if (block.length === 0) this.blocks.splice(b, 1);
    this.count--;
    this.starts = undefined;
    return true;
  }

  /** Adds many items with one sort (skipped when they come in order) and one merge, instead of k inserts. */
  addAll(items: readonly T[]): void {
    if (items.length === 0) return;
    const added = isSorted(items, this.compare) ? items : [...items].sort(this.compare);
    const merged = this.count === 0 ? added : merge(this.blocks.flat(), added, this.compare);
    this.blocks = [];
    for (let i = 0; i < merged.length; i += BLOCK) this.blocks.push(merged.slice(i, i + BLOCK));
    this.count = merged.length;
    this.starts = undefined;
  }

  /** The item at `rank` (0-based) in ascending order. */
  at(rank: number): T | undefined {
    if (rank < 0 || rank >= this.count) return undefined;
    const b = this.blockOfRank(rank);
    return this.blocks[b][rank - this.startsOf()[b]];
  }

  /** Up to `limit` items in ascending order from `rank`. */
  slice(rank: number, limit: number): T[] {
    const out: T[] = [];
    if (rank < 0 || rank >= this.count || limit <= 0) return out;
    let b = this.blockOfRank(rank);
    let i = rank - this.startsOf()[b];
    for (; b < this.blocks.length && out.length < limit; b++, i = 0) {
      const block = this.blocks[b];
      for (; i < block.length && out.length < limit; i++) out.push(block[i]);
    }
    return out;
  }

  /** The first rank whose item passes `test`, which must be false then true along the order; size if none. */
  firstRank(test: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid];
      if (test(block[block.length - 1])) hi = mid;
      else lo = mid + 1;
    }
    if (lo === this.blocks.length) return this.count;
    const block = this.blocks[lo];
    let i = 0;
    let j = block.length - 1;
    while (i < j) {
      const mid = (i + j) >>> 1;
      if (test(block[mid])) j = mid;
      else i = mid + 1;
    }
    return this.startsOf()[lo] + i;
  }

  /** Every item in ascending order. */
  *[Symbol.iterator](): Generator<T> {
    for (const block of this.blocks) yield* block;
  }

  /** Every item in descending order (newest first for a creation order). The index must not change during the walk. */
  *descending(): Generator<T> {
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

  private startsOf(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.blocks.length);
      let rank = 0;
      for (let b = 0; b < this.blocks.length; b++) {
        starts[b] = rank;
        rank += this.blocks[b].length;
      }
      this.starts = starts;
    }
    return this.starts;
  }

  /** The block holding `rank`: the last whose start is not above it. */
  private blockOfRank(rank: number): number {
    const starts = this.startsOf();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The block that holds `item`, or where it belongs: the first whose last item is not below it. */
  private blockFor(item: T): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid];
      if (this.compare(block[block.length - 1], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function isSorted<T>(items: readonly T[], compare: Compare<T>): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1], items[i]) >= 0) return false;
  return true;
}

function merge<T>(a: readonly T[], b: readonly T[], compare: Compare<T>): T[] {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * A page of the order by `key` descending, ties by the index's own order (ascending). The index is
 * sorted by (key, tie-break) ascending; reversing it would also reverse the ties, so each run of
 * equal keys is found by two binary searches and read forwards: O(log n) per distinct key on the page.
 */
export function descendingPage<T>(index: SortedIndex<T>, key: (item: T) => string, offset: number, limit: number): T[] {
  const n = index.size;
  const out: T[] = [];
  let rank = offset; // rank in the descending order
  while (out.length < limit && rank < n) {
    const value = key(index.at(n - 1 - rank)!);
    const start = index.firstRank((item) => key(item) >= value);
    const end = index.firstRank((item) => key(item) > value);
    // Runs keep their place when the whole order is reversed: this one holds descending ranks [n - end, n - start).
    const from = start + (rank - (n - end));
    const page = index.slice(from, Math.min(limit - out.length, end - from));
    for (const item of page) out.push(item);
    rank += page.length;
  }
  return out;
}

/**
 * A descending walk over the union of several indexes of one order, each item once (a k-way merge):
 * an item may sit in several of them (a record under each of its tags).
 */
export function* mergeDescending<T>(indexes: SortedIndex<T>[]): Generator<T> {
  if (indexes.length === 0) return;
  const { compare } = indexes[0];
  const walks = indexes.map((index) => index.descending());
  const heads = walks.map((walk) => walk.next());
  for (;;) {
    let best: T | undefined;
    let found = false;
    for (const head of heads) {
      if (!head.done && (!found || compare(head.value, best as T) > 0)) {
        best = head.value;
        found = true;
      }
    }
    if (!found) return;
    yield best as T;
    // The same item sits in every index it belongs to: advance all of them past it.
    for (let i = 0; i < heads.length; i++) if (!heads[i].done && heads[i].value === best) heads[i] = walks[i].next();
  }
}
