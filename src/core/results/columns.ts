/**
 * Growable typed-array columns: a results file of a million lines keeps a few bytes per row here instead of a
 * million objects, so the extension host stays small whatever the file size. Capacity doubles, so appends are O(1)
 * amortised; `view()` is a copy-free window onto the filled part.
 */
export class U32Column {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Float64 for byte offsets: files past 4 GB still index exactly (2^53 bytes). */
export class F64Column {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

const FOUR_GB = 2 ** 32;

/**
 * Increasing byte offsets in 4 bytes a row: the low 32 bits per row, and the few row numbers where the offset
 * crosses a 4 GB boundary. Exact for any file size, at half the memory of Float64 offsets (the table's largest
 * column on a file of a million lines).
 */
export class OffsetColumn {
  private readonly low = new U32Column();
  /** `crossings[k]` is the first row at or past (k + 1) × 4 GB. */
  private readonly crossings: number[] = [];

  get length(): number {
    return this.low.length;
  }

  /** `value` must not be below the last one pushed (lines come in file order). */
  push(value: number): void {
    while (Math.floor(value / FOUR_GB) > this.crossings.length) {
      this.crossings.push(this.low.length);
    }
    this.low.push(value % FOUR_GB);
  }

  get(index: number): number {
    let high = 0;
    while (high < this.crossings.length && this.crossings[high] <= index) {
      high++;
    }
    return high * FOUR_GB + this.low.get(index);
  }
}

/**
 * Small strings (finish reasons, error codes) stored once, rows hold their id. A file has a handful of distinct
 * values; past `limit` new ones share the id of `overflow` so a hostile file cannot grow the table without bound.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  constructor(
    private readonly limit = 1000,
    private readonly overflow = '(other)',
  ) {}

  /** 0 means "none"; real values start at 1. */
  id(value: string | undefined): number {
    if (value === undefined) {
      return 0;
    }
    const known = this.ids.get(value);
    if (known !== undefined) {
      return known;
    }
    const stored = this.values.length >= this.limit ? this.overflow : value;
    const again = this.ids.get(stored);
    if (again !== undefined) {
      return again;
    }
    this.values.push(stored);
    this.ids.set(stored, this.values.length);
    return this.values.length;
  }

  value(id: number): string | undefined {
    return id === 0 ? undefined : this.values[id - 1];
  }
}

/** FNV-1a over a string's UTF-16 units: rows keep a 32-bit hash of their key, confirmed by reading the line. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
