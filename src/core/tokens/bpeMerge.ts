/**
 * Byte-pair merging as tiktoken does it: merge the lowest-ranked adjacent pair, leftmost first, until no adjacent pair
 * is a token; the count is the number of parts left. `bytes` is a latin1 string (one char per byte), `ranks` maps a
 * token's bytes to its rank.
 */
export function bpeMergeCount(bytes: string, ranks: ReadonlyMap<string, number>): number {
  if (ranks.has(bytes)) {
    return 1;
  }
  return bytes.length <= SHORT_PIECE ? mergeQuadratic(bytes, ranks) : mergeHeap(bytes, ranks);
}

/** tiktoken's own loop: a scan for the best pair per merge, the fastest for the short pieces text is made of. */
export function mergeQuadratic(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const parts = Array.from(bytes);
  for (;;) {
    let best = -1;
    let bestRank = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < parts.length; i++) {
      const rank = ranks.get(parts[i] + parts[i + 1]);
      if (rank !== undefined && rank < bestRank) {
        bestRank = rank;
        best = i;
      }
    }
    if (best < 0) {
      return parts.length;
    }
    parts.splice(best, 2, parts[best] + parts[best + 1]);
  }
}

/**
 * Up to this many bytes a piece is merged by tiktoken's own quadratic loop, the fastest for the short pieces text is
 * made of. A longer one (a run of punctuation or spaces: the split pattern keeps such a run whole) goes through
 * `mergeHeap`, whose cost grows as n log n: a hostile 80,000-character run of `!` took 41 s in the quadratic loop.
 */
const SHORT_PIECE = 64;

/**
 * The same merges in the same order as `mergeQuadratic` (lowest rank first, then leftmost), found with a heap of
 * candidate pairs over a linked list of parts. A heap entry is `rank * 2^32 + position`, so the order is rank, then
 * position; an entry made stale by a merge next to it is dropped when popped, because its pair no longer reads as
 * the token of its rank (a rank names one token).
 */
export function mergeHeap(bytes: string, ranks: ReadonlyMap<string, number>): number {
  const n = bytes.length;
  const parts = Array.from(bytes);
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    next[i] = i + 1 < n ? i + 1 : -1;
    prev[i] = i - 1;
  }
  const heap = new MinHeap();
  const offer = (at: number): void => {
    const after = at >= 0 ? next[at] : -1;
    const rank = after >= 0 ? ranks.get(parts[at] + parts[after]) : undefined;
    if (rank !== undefined) {
      heap.push(rank * 2 ** 32 + at);
    }
  };
  for (let i = 0; i + 1 < n; i++) {
    offer(i);
  }
  let count = n;
  for (let key = heap.pop(); key !== undefined; key = heap.pop()) {
    const at = key % 2 ** 32;
    const rank = (key - at) / 2 ** 32;
    const after = next[at];
    if (parts[at] === '' || after < 0 || ranks.get(parts[at] + parts[after]) !== rank) {
      continue;
    }
    parts[at] += parts[after];
    parts[after] = '';
    next[at] = next[after];
    if (next[after] >= 0) {
      prev[next[after]] = at;
    }
    count--;
    offer(prev[at]);
    offer(at);
  }
  return count;
}

/** A binary min-heap of numbers. */
class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= value) {
        break;
      }
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) {
          break;
        }
        const right = left + 1;
        const child = right < items.length && items[right] < items[left] ? right : left;
        if (items[child] >= last) {
          break;
        }
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
