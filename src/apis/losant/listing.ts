// Paging for the certificate list, kept apart from the store so page selection can be tested on its own.

type Compare<T> = (a: T, b: T) => number;

// Up to this many items a bounded heap (about n comparisons on typical data) beats quickselect
// (several passes over n); past it the heap's log k per insertion loses.
const HEAP_LIMIT = 4096;

/**
 * The items from `offset` to `offset + limit` in `compare` order (which must be total), without
 * sorting everything: a bounded heap for pages near the front, two quickselects (O(n) on average)
 * for deep pages; only the page itself is sorted. A 1M-record list answers any page in well under
 * a full sort's time.
 */
export function pageOf<T>(items: readonly T[], compare: Compare<T>, offset: number, limit: number, heapLimit = HEAP_LIMIT): T[] {
  if (offset >= items.length || limit <= 0) return [];
  const end = Math.min(offset + limit, items.length);
  if (end <= heapLimit) return smallest(items, compare, end).slice(offset);
  const a = [...items];
  select(a, compare, offset, 0, a.length - 1);
  select(a, compare, end - 1, offset, a.length - 1);
  return a.slice(offset, end).sort(compare);
}

/** The `count` smallest items, sorted, kept in a max-heap while scanning once. */
function smallest<T>(items: readonly T[], compare: Compare<T>, count: number): T[] {
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < count) siftUp(heap, item, compare);
    else if (compare(item, heap[0]) < 0) replaceTop(heap, item, compare);
  }
  return heap.sort(compare);
}

function siftUp<T>(heap: T[], item: T, compare: Compare<T>): void {
  let i = heap.push(item) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i], heap[parent]) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function replaceTop<T>(heap: T[], item: T, compare: Compare<T>): void {
  heap[0] = item;
  for (let i = 0; ;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let largest = i;
    if (left < heap.length && compare(heap[left], heap[largest]) > 0) largest = left;
    if (right < heap.length && compare(heap[right], heap[largest]) > 0) largest = right;
    if (largest === i) return;
    [heap[i], heap[largest]] = [heap[largest], heap[i]];
    i = largest;
  }
}

/** Hoare quickselect: afterwards a[k] is in its sorted place, nothing greater before it, nothing smaller after. */
function select<T>(a: T[], compare: Compare<T>, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const pivot = medianOfThree(a[lo], a[(lo + hi) >> 1], a[hi], compare);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compare(a[i], pivot) < 0) i++;
      while (compare(a[j], pivot) > 0) j--;
      if (i <= j) {
        [a[i], a[j]] = [a[j], a[i]];
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

// Already-sorted input (insertion order sorted by id) stays linear with a median-of-three pivot.
function medianOfThree<T>(x: T, y: T, z: T, compare: Compare<T>): T {
  if (compare(x, y) < 0) return compare(y, z) < 0 ? y : compare(x, z) < 0 ? z : x;
  return compare(x, z) < 0 ? x : compare(y, z) < 0 ? z : y;
}
