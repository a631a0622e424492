import { open } from 'node:fs/promises';
import { parseObjectLine, readLineHead, readLines } from '../jobs/lineReader';
import { lineKey } from './requestIds';
import { toResultRow, unparseableRow, type ResultRow } from './resultRow';

/** Where one result line is: `file` indexes the paths the index was built from. */
export interface IndexedLine {
  file: number;
  offset: number;
  length: number;
}

/** How an input line is looked up: by key when it has one (never by position then), else by line or keyless order. */
export interface LineQuery {
  key?: string;
  /** 1-based line number in the input (the joined file records it). */
  lineNo: number;
  /** Its position among the input's keyless lines (results without keys come back in that order). */
  keylessOrdinal?: number;
}

/**
 * Result files indexed for lookup without holding them: key → byte offset, joined-file input line → offset, and the
 * keyless lines in order. Rows are read from disk on demand (the editor asks only for the lines on screen).
 */
export class ResultIndex {
  private readonly byKey = new Map<string, IndexedLine>();
  private readonly byLine = new Map<number, IndexedLine>();
  private readonly keyless: IndexedLine[] = [];

  private constructor(readonly paths: readonly string[]) {}

  /** One streaming pass over each file; a repeated key keeps its first line (the joined file lists inputs first). */
  static async build(paths: readonly string[], signal?: AbortSignal): Promise<ResultIndex> {
    const index = new ResultIndex(paths);
    for (const [file, path] of paths.entries()) {
      for await (const line of readLines(path, signal)) {
        const parsed = parseObjectLine(line.bytes);
        if (!parsed) {
          continue;
        }
        const ref = { file, offset: line.offset, length: line.length };
        const key = lineKey(parsed);
        if (typeof parsed.line === 'number' && 'request' in parsed) {
          index.byLine.set(parsed.line, ref);
        }
        if (key !== undefined) {
          if (!index.byKey.has(key)) {
            index.byKey.set(key, ref);
          }
        } else if (!('line' in parsed)) {
          index.keyless.push(ref);
        }
      }
    }
    return index;
  }

  get size(): number {
    return this.byKey.size + this.keyless.length + this.byLine.size;
  }

  /** Whether keyless results were indexed by order (the caller then counts its keyless lines). */
  get hasKeyless(): boolean {
    return this.keyless.length > 0;
  }

  find(query: LineQuery): IndexedLine | undefined {
    if (query.key !== undefined) {
      return this.byKey.get(query.key);
    }
    return (
      this.byLine.get(query.lineNo) ??
      (query.keylessOrdinal !== undefined ? this.keyless[query.keylessOrdinal] : undefined)
    );
  }

  /** Reads and decodes one indexed line. */
  async row(ref: IndexedLine): Promise<ResultRow> {
    const handle = await open(this.paths[ref.file], 'r');
    try {
      const parsed = parseObjectLine(await readLineHead(handle, ref.offset, ref.length));
      return parsed ? toResultRow(parsed) : unparseableRow();
    } finally {
      await handle.close();
    }
  }
}
