/**
 * A bounded memo of chunk → token count, looked up by a range of the text's UTF-8 bytes so the counter finds a word
 * without slicing it out. The slice, the hash V8 computes afresh for every new string, and a Map probe that chases
 * pointers to scattered keys were the top of the estimate's CPU profile; here the caller hashes the range while it
 * scans the bytes for chunk boundaries anyway (any int32 hash), and the keys' bytes sit in one typed array next to
 * each other. A hit is confirmed by comparing the bytes, so a hash collision never changes a count.
 *
 * Open addressing with linear probing. Both arrays start small and double as entries come, so a file of few distinct
 * words keeps its table in the CPU cache (a probe that misses the cache costs more than the comparison), up to
 * `limit` entries in a table of twice that (rounded up to a power of two) and `arenaUnits` bytes of keys:
 * memory is bounded whatever the file. When either is full the table is emptied: cheaper than LRU bookkeeping, and a
 * refill costs one pass of misses. Ranges longer than `maxKey` are not stored, so one cannot flush the arena.
 */
// A slot is four int32: hash, key length (0: empty slot; chunks are never empty), key offset in the arena, count.
const SLOT = 4;
const INITIAL_CAPACITY = 4096;
const INITIAL_ARENA = 16_384;

export class ChunkTable {
  private slots = new Int32Array(INITIAL_CAPACITY * SLOT);
  private arena: Uint8Array;
  private mask = INITIAL_CAPACITY - 1;
  private size = 0;
  private used = 0;
  private readonly maxCapacity: number;
  private readonly arenaUnits: number;

  constructor(
    private readonly limit = 131_072,
    arenaUnits = 4 * 1024 * 1024,
    readonly maxKey = 32_768,
  ) {
    let capacity = INITIAL_CAPACITY;
    while (capacity < limit * 2) {
      capacity *= 2;
    }
    this.maxCapacity = capacity;
    this.arenaUnits = Math.max(arenaUnits, maxKey);
    this.arena = new Uint8Array(Math.min(INITIAL_ARENA, this.arenaUnits));
  }

  /** The count stored for `bytes[start, end)`, whose hash is `hash`, or -1. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT;
      const keyLength = this.slots[at + 1];
      if (keyLength === 0) {
        return -1;
      }
      if (this.slots[at] === hash && keyLength === length) {
        const offset = this.slots[at + 2];
        let i = 0;
        while (i < length && this.arena[offset + i] === bytes[start + i]) {
          i++;
        }
        if (i === length) {
          return this.slots[at + 3];
        }
      }
    }
  }

  /** Stores the count of `bytes[start, end)` (a range `get` missed), whose hash is `hash`. */
  set(bytes: Uint8Array, start: number, end: number, hash: number, count: number): void {
    const length = end - start;
    if (length <= 0 || length > this.maxKey) {
      return;
    }
    if (this.size >= this.limit || this.used + length > this.arenaUnits) {
      this.slots.fill(0);
      this.size = 0;
      this.used = 0;
    }
    if (this.used + length > this.arena.length) {
      let units = this.arena.length * 2;
      while (units < this.used + length) {
        units *= 2;
      }
      const arena = new Uint8Array(Math.min(units, this.arenaUnits));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    // Kept at most half full, so probes stay short.
    if ((this.size + 1) * 2 > this.mask + 1 && this.mask + 1 < this.maxCapacity) {
      this.grow();
    }
    let slot = hash & this.mask;
    while (this.slots[slot * SLOT + 1] !== 0) {
      slot = (slot + 1) & this.mask;
    }
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = length;
    this.slots[at + 2] = this.used;
    this.slots[at + 3] = count;
    this.arena.set(bytes.subarray(start, end), this.used);
    this.used += length;
    this.size++;
  }

  /** Doubles the table, placing the entries again by their stored hash (the keys stay where they are in the arena). */
  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] !== 0) {
        let slot = old[at] & this.mask;
        while (this.slots[slot * SLOT + 1] !== 0) {
          slot = (slot + 1) & this.mask;
        }
        this.slots.set(old.subarray(at, at + SLOT), slot * SLOT);
      }
    }
  }
}
