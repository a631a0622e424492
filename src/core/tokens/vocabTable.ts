import { isWellFormed } from './wellFormedUtf8';

/**
 * The SentencePiece vocabulary as piece → priority, keyed by the pieces' UTF-8 bytes and looked up by a byte range
 * (BPE symbols are contiguous ranges of the chunk being merged, so a pair is looked up without concatenating it).
 * Built over the vocabulary file's own bytes, which stay the key store: a Map of 262,144 decoded strings took 90–200 ms
 * to decode and 180–220 ms more to fill, measured on the 2-core bench machine, on every CLI run and in every pool
 * worker; this build hashes the bytes once. Open addressing with linear probing, at most half full; a hit is confirmed
 * by comparing the bytes. UTF-8 is a one-to-one encoding of well-formed strings, so the table answers what a Map of the
 * decoded pieces did (the first priority of each distinct piece); a string with a lone surrogate has no UTF-8 form and
 * matches no piece, which the caller checks (a decoded piece never holds one).
 */
// A slot is two int32: hash, record index + 1 (0: empty).
const SLOT = 2;
const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * A built table's arrays, on SharedArrayBuffers: posted to a worker thread, they are shared, not copied, so the
 * CLI's pool builds the table once for all its threads.
 */
export interface VocabParts {
  bytes: Uint8Array;
  offsets: Int32Array;
  lengths: Int32Array;
  slots: Int32Array;
}

export class VocabTable {
  private readonly bytes: Uint8Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly offsets: Int32Array;
  private readonly lengths: Int32Array;

  /** Over built `parts` (a table another thread built), or built over `records` (the records' bytes). */
  constructor(parts: VocabParts);
  constructor(parts: undefined, records: Uint8Array, count: number);
  constructor(parts: VocabParts | undefined, records?: Uint8Array, count = 0) {
    if (parts) {
      ({ bytes: this.bytes, offsets: this.offsets, lengths: this.lengths, slots: this.slots } = parts);
      this.mask = this.slots.length / SLOT - 1;
      return;
    }
    let capacity = 1024;
    while (capacity < count * 2) {
      capacity *= 2;
    }
    const shared = (n: number): SharedArrayBuffer => new SharedArrayBuffer(n);
    this.bytes = new Uint8Array(shared((records as Uint8Array).length));
    this.bytes.set(records as Uint8Array);
    this.slots = new Int32Array(shared(capacity * SLOT * 4));
    this.mask = capacity - 1;
    this.offsets = new Int32Array(shared(count * 4));
    this.lengths = new Int32Array(shared(count * 4));
    const bytes = this.bytes;
    for (let offset = 0, record = 0; record < count; record++) {
      const length = bytes[offset] | (bytes[offset + 1] << 8);
      this.offsets[record] = offset + 2;
      this.lengths[record] = length;
      this.add(record);
      offset += 2 + length;
    }
  }

  /** The arrays, to rebuild this table on another thread with `new VocabTable(parts)`. */
  get parts(): VocabParts {
    return { bytes: this.bytes, offsets: this.offsets, lengths: this.lengths, slots: this.slots };
  }

  /** From pieces in priority order (the tests' small vocabularies). */
  static fromPieces(pieces: readonly string[]): VocabTable {
    return VocabTable.fromRecords(Buffer.concat(pieces.flatMap(record))) as VocabTable;
  }

  /**
   * From the vocabulary file's records (`<uint16 LE length><UTF-8 bytes>`); a record that is not well-formed UTF-8
   * stands for what Buffer.toString('utf8') makes of it. Undefined on a truncated record.
   */
  static fromRecords(bytes: Buffer): VocabTable | undefined {
    let records = 0;
    let wellFormed = true;
    for (let offset = 0; offset < bytes.length; records++) {
      if (offset + 2 > bytes.length) {
        return undefined;
      }
      const start = offset + 2;
      offset = start + (bytes[offset] | (bytes[offset + 1] << 8));
      if (offset > bytes.length) {
        return undefined;
      }
      wellFormed &&= isWellFormed(bytes, start, offset);
    }
    if (!wellFormed) {
      // Not what scripts/build-token-vocab.js writes (Buffer.from of each piece): rewritten as the pieces decode.
      const pieces: Buffer[] = [];
      for (let offset = 0; offset < bytes.length;) {
        const end = offset + 2 + bytes.readUInt16LE(offset);
        pieces.push(...record(bytes.toString('utf8', offset + 2, end)));
        offset = end;
      }
      return VocabTable.fromRecords(Buffer.concat(pieces));
    }
    return new VocabTable(undefined, bytes, records);
  }

  private add(record: number): void {
    const length = this.lengths[record];
    if (length === 0) {
      return; // an empty piece never matches
    }
    const at = this.offsets[record];
    const hash = hashOf(this.bytes, at, at + length);
    let slot = hash & this.mask;
    for (; this.slots[slot * SLOT + 1] !== 0; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * SLOT] === hash && this.equals(this.slots[slot * SLOT + 1] - 1, this.bytes, at, length)) {
        return; // the first priority of a piece wins
      }
    }
    this.slots[slot * SLOT] = hash;
    this.slots[slot * SLOT + 1] = record + 1;
  }

  private equals(record: number, key: Uint8Array, start: number, length: number): boolean {
    if (this.lengths[record] !== length) {
      return false;
    }
    const offset = this.offsets[record];
    let i = 0;
    while (i < length && this.bytes[offset + i] === key[start + i]) {
      i++;
    }
    return i === length;
  }

  /** The priority of the piece whose UTF-8 bytes are `key[start, end)`, or -1 when it is not in the vocabulary. */
  get(key: Uint8Array, start: number, end: number): number {
    const hash = hashOf(key, start, end);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot * SLOT + 1];
      if (entry === 0) {
        return -1;
      }
      if (this.slots[slot * SLOT] === hash && this.equals(entry - 1, key, start, end - start)) {
        return entry - 1;
      }
    }
  }
}

/** FNV-1a over bytes. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_SEED;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  }
  return hash;
}

/** A record of the vocabulary file: `<uint16 LE length><UTF-8 bytes>`. */
function record(piece: string): Buffer[] {
  const bytes = Buffer.from(piece, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(bytes.length);
  return [length, bytes];
}
