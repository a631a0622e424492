import { createReadStream, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PartWriter } from './partWriter';
import { LinePacker, type SplitLimits } from './linePacker';
import { errnoOf, SplitError } from './splitErrors';
import { earlierParts, removeParts } from './earlierParts';

export interface SplitOptions extends SplitLimits {
  signal?: AbortSignal;
  /** The input tokens of a request line (1-based `lineNo`); needed with `maxTokens`, not called for blank lines. */
  lineTokens?(line: Buffer, lineNo: number): number | Promise<number>;
  /** Called after each chunk read: bytes read so far and the file's size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

export interface SplitResult {
  /** The parts written, in order (empty when the file already fits: nothing is written then). */
  parts: string[];
  /** Request (non-blank) lines in each part, in order. */
  requests: number[];
  /** Input tokens in each part, in order, when `maxTokens` was given (empty otherwise). */
  tokens: number[];
  /** True when the whole file is within the limits: no part was needed. */
  fits: boolean;
  /** Parts of an earlier split of the file, beside it, that the new parts replaced and are removed (earlierParts.ts). */
  removed: string[];
}

/**
 * Splits a JSONL file into parts beside it, each within `maxBytes` and `maxLines` (request lines; blank lines ride
 * along with their neighbours). Streams the file, so memory stays flat apart from one line; never cuts a line, and
 * the parts concatenated are the original bytes exactly. Every part is written under a temporary name and renamed
 * only once all of them are complete: a failure or a cancel leaves no part behind. Parts of an earlier split of the
 * same file that the new ones do not replace are then removed (earlierParts.ts says why). Throws {@link SplitError}.
 */
export async function splitFile(file: string, options: SplitOptions): Promise<SplitResult> {
  let total: number;
  try {
    total = (await fsp.stat(file)).size;
  } catch (error) {
    throw new SplitError('read-failed', { errno: errnoOf(error) });
  }
  if (options.maxTokens !== undefined && !options.lineTokens) {
    throw new RangeError('split by tokens needs lineTokens');
  }
  if (options.maxLines === undefined && options.maxTokens === undefined && total <= options.maxBytes) {
    return { parts: [], requests: [], tokens: [], fits: true, removed: [] };
  }
  const salt = randomBytes(4).toString('hex');
  const writers: PartWriter[] = [];
  const requests: number[] = [];
  const tokens: number[] = [];
  const countTokens = options.maxTokens === undefined ? undefined : options.lineTokens;
  const packer = new LinePacker(options);
  const committed: string[] = [];
  let earlier: string[] = [];
  const place = async (line: Buffer, lineNo: number, blank: boolean): Promise<void> => {
    const lineTokens = countTokens && !blank ? await countTokens(line, lineNo) : 0;
    if (packer.startsNewPart(line.length, blank, lineNo, lineTokens)) {
      try {
        if (writers.length > 0) {
          await writers[writers.length - 1].close();
        }
        writers.push(await PartWriter.open(file, `${salt}.${writers.length + 1}`));
      } catch (error) {
        throw new SplitError('write-failed', { errno: errnoOf(error) });
      }
      requests.push(0);
      tokens.push(0);
    }
    if (!blank) {
      requests[requests.length - 1]++;
      tokens[tokens.length - 1] += lineTokens;
    }
    try {
      await writers[writers.length - 1].append(line);
    } catch (error) {
      throw new SplitError('write-failed', { errno: errnoOf(error) });
    }
  };
  try {
    await forEachLine(file, options, total, place);
    if (writers.length > 0) {
      await writers[writers.length - 1].close();
    }
    if (writers.length <= 1) {
      await Promise.all(writers.map((w) => w.discard()));
      return { parts: [], requests: [], tokens: [], fits: true, removed: [] };
    }
    const parts = writers.map((_, i) => partPath(file, i + 1, writers.length));
    earlier = await earlierParts(file);
    for (let i = 0; i < writers.length; i++) {
      await writers[i].commit(parts[i]);
      committed.push(parts[i]);
    }
    // A stale part that cannot be removed would make a mixed set: it throws, and the new parts are undone below.
    const stale = earlier.filter((p) => !parts.includes(p));
    await removeParts(stale);
    return { parts, requests, tokens: countTokens ? tokens : [], fits: false, removed: stale };
  } catch (error) {
    // All or nothing: parts already renamed when a later rename failed go too, and then the earlier set, whose
    // parts of the same names are gone, goes as well: no set at all rather than a mixed one.
    await Promise.all([
      ...writers.map((w) => w.discard()),
      ...committed.map((p) => fsp.rm(p, { force: true }).catch(() => undefined)),
      ...(committed.length > 0 ? [removeParts(earlier).catch(() => undefined)] : []),
    ]);
    if (error instanceof SplitError) {
      throw error;
    }
    throw new SplitError('write-failed', { errno: errnoOf(error) });
  }
}

const NEWLINE = 0x0a;

/** Space, tab, CR, LF: a line of only these is blank (holds no request). */
function isBlankLine(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) {
    const b = line[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== NEWLINE) {
      return false;
    }
  }
  return true;
}

type PlaceLine = (line: Buffer, lineNo: number, blank: boolean) => Promise<void>;

/** Reads `file` in chunks and hands each line (its terminator included) to `place`, in order. */
async function forEachLine(file: string, options: SplitOptions, total: number, place: PlaceLine): Promise<void> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let lineNo = 0;
  let read = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) {
        throw new SplitError('cancelled');
      }
      read += chunk.length;
      let start = 0;
      for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
        let line = chunk.subarray(start, nl + 1);
        if (carryBytes > 0) {
          line = Buffer.concat([...carry, line]);
          carry = [];
          carryBytes = 0;
        }
        lineNo++;
        await place(line, lineNo, line[0] === 0x7b ? false : isBlankLine(line));
        start = nl + 1;
      }
      if (start < chunk.length) {
        carry.push(chunk.subarray(start));
        carryBytes += chunk.length - start;
        // A line past the byte limit can never be placed: stop before holding more of it.
        if (carryBytes > options.maxBytes) {
          throw new SplitError('line-too-large', { line: lineNo + 1, bytes: carryBytes, limit: options.maxBytes });
        }
      }
      options.onProgress?.(read, total);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof SplitError) {
      throw error;
    }
    throw new SplitError('read-failed', { errno: errnoOf(error) });
  }
  if (carryBytes > 0) {
    const line = Buffer.concat(carry);
    await place(line, lineNo + 1, isBlankLine(line));
  }
}

/**
 * The path of part `index` (1-based) of `count` beside `file`: `data.jsonl` → `data.part-01.jsonl`. The number is
 * padded to the width of `count` (two digits at least) so the parts sort in order in a file listing.
 */
export function partPath(file: string, index: number, count: number): string {
  const ext = path.extname(file);
  const stem = ext === '' ? file : file.slice(0, -ext.length);
  const width = Math.max(2, String(count).length);
  return `${stem}.part-${String(index).padStart(width, '0')}${ext}`;
}

/** The file a part was split from, partPath undone: `data.part-03.jsonl` → `data.jsonl`; any other file is its own. */
export function partSource(file: string): string {
  return file.replace(/\.part-\d+(\.jsonl)$/i, '$1');
}
