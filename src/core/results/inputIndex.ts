import { type FileHandle, open } from 'node:fs/promises';
import { DEFAULT_MAX_LINE_BYTES } from '../jsonl';
import { longLineKey, readInputLine } from '../jobs/longLineKey';
import { parseObjectLine, readLineHead, readLines, TAIL_BYTES } from '../jobs/lineReader';
import { F64Column, hashKey, U32Column } from './columns';
import { promptText } from './promptText';
import { lineKey } from './requestIds';

/** The input line a result belongs to: its 1-based line number and the request's first user text. */
export interface InputMatch {
  line: number;
  prompt?: string;
}

/**
 * Where each request of an input file is, by key: a hash, offset, length and line number per non-blank line, in
 * typed arrays (no line kept). Results are matched by key, never by position when keys exist (the service does not
 * promise the order: batch-api.md); keyless requests are matched by position, as inline results come back in order.
 */
export class InputIndex {
  private readonly hashes = new U32Column();
  private readonly offsets = new F64Column();
  private readonly lengths = new U32Column();
  private readonly lines = new U32Column();

  private constructor(readonly path: string) {}

  static async build(path: string, signal?: AbortSignal): Promise<InputIndex> {
    const index = new InputIndex(path);
    for await (const line of readLines(path, signal)) {
      // A line too long to parse is indexed only by a key read from its ends (longLineKey.ts).
      const { parsed, key } = readInputLine(line);
      if (!parsed && key === undefined) {
        continue;
      }
      index.hashes.push(key === undefined ? 0 : hashKey(key));
      index.offsets.push(line.offset);
      index.lengths.push(line.length);
      index.lines.push(line.lineNo);
    }
    return index;
  }

  get size(): number {
    return this.lines.length;
  }

  /** The request with this key (first one, as duplicates are a validation error), or the `position`-th when keyless. */
  async find(key: string | undefined, position: number): Promise<InputMatch | undefined> {
    const handle = await open(this.path, 'r');
    try {
      const read = async (i: number) =>
        parseObjectLine(await readLineHead(handle, this.offsets.get(i), this.lengths.get(i)));
      if (key === undefined) {
        if (position < 0 || position >= this.size) {
          return undefined;
        }
        const parsed = await read(position);
        return { line: this.lines.get(position), prompt: parsed ? promptText(parsed) : undefined };
      }
      const wanted = hashKey(key);
      const hashes = this.hashes.view();
      for (let i = hashes.indexOf(wanted); i !== -1; i = hashes.indexOf(wanted, i + 1)) {
        const parsed = await read(i);
        if (parsed && lineKey(parsed) === key) {
          return { line: this.lines.get(i), prompt: promptText(parsed) };
        }
        if (!parsed && (await this.longKey(handle, i)) === key) {
          return { line: this.lines.get(i) };
        }
      }
      return undefined;
    } finally {
      await handle.close();
    }
  }

  /** The key of request `i` when it is a line too long to parse, read from its head and tail again. */
  private async longKey(handle: FileHandle, i: number): Promise<string | undefined> {
    const [offset, length] = [this.offsets.get(i), this.lengths.get(i)];
    if (length <= DEFAULT_MAX_LINE_BYTES) {
      return undefined;
    }
    const tailStart = offset + length - TAIL_BYTES;
    return longLineKey(await readLineHead(handle, offset, length), await readLineHead(handle, tailStart, TAIL_BYTES));
  }
}
