import type { PriceOverride } from '../pricing/prices';
import type { InputIndex } from './inputIndex';
import { readRows } from './rowPager';
import { ALL_ROWS, selectRows, type RowQuery } from './rowQuery';
import { toDetailRow, toListRow, type DetailRow, type ListRow } from './rowView';
import type { ResultsSummary, ResultsTable } from './resultsTable';
import { emptySummary } from './rowSummary';
import { scanResults } from './scanResults';
import { findKey, searchRows } from './searchRows';

export interface ModelState {
  /** Rows the current query selects (so far, while the scan runs). */
  matching: number;
  /** Lines indexed (pass 1), and rows whose facts are known (pass 2: the summary and filters cover these). */
  scanned: number;
  summarized: number;
  done: boolean;
  summary: ResultsSummary;
  finishReasons: string[];
  errorCodes: string[];
}

/**
 * One open results file, for one view: the table filled by a streaming scan, the input index when the input is
 * known, and the current query. Pages and the selected row are read from disk on request. No vscode here: the
 * editor layer forwards messages and renders; this decides what rows are shown.
 */
export class ResultsModel {
  private table: ResultsTable | undefined;
  private input: InputIndex | undefined;
  private query: RowQuery = ALL_ROWS;
  private search = '';
  private matches: Uint8Array | undefined;
  /** undefined: every row in file order (no copy needed while the scan grows the table). */
  private selection: Uint32Array | undefined;
  private scanDone = false;
  private searchAbort: AbortController | undefined;
  /** Page reads in flight, and the promise the scan waits on meanwhile: what the user looks at goes first. */
  private reading = 0;
  private readDone: Promise<void> | undefined;
  private releaseScan: (() => void) | undefined;
  readonly scanned: Promise<ResultsTable>;

  constructor(
    readonly path: string,
    onChange: (done: boolean) => void,
    signal?: AbortSignal,
    prices?: ReadonlyMap<string, PriceOverride>,
  ) {
    this.scanned = scanResults(path, {
      signal,
      prices,
      gate: () => this.readDone,
      onRows: (table, phase, done) => {
        this.table = table;
        this.scanDone = phase === 'facts' && done;
        this.reselect();
        onChange(done);
      },
    });
    // The editor layer awaits `scanned` to report an unreadable file; this keeps Node from calling it unhandled first.
    this.scanned.catch(() => undefined);
  }

  /** The input file's index, once built (prompts and input lines of raw results files come from it). */
  setInput(input: InputIndex): void {
    this.input = input;
  }

  state(): ModelState {
    const table = this.table;
    const empty = emptySummary();
    return {
      matching: this.selection ? this.selection.length : (table?.rowCount ?? 0),
      scanned: table?.rowCount ?? 0,
      summarized: table?.factsCount ?? 0,
      done: this.scanDone,
      summary: table ? table.summary() : empty,
      finishReasons: table ? [...table.finishReasons.values] : [],
      errorCodes: table ? [...table.errorCodes.values] : [],
    };
  }

  /** Applies a query and a search; the search streams the file, so it runs once the scan has indexed every row. */
  async setQuery(query: RowQuery, search: string): Promise<void> {
    this.query = query;
    if (search !== this.search) {
      this.searchAbort?.abort();
      this.search = search;
      this.matches = undefined;
      if (search !== '') {
        const abort = new AbortController();
        this.searchAbort = abort;
        const table = await this.scanned;
        const matches = await searchRows(this.path, table, search, abort.signal);
        if (abort.signal.aborted) {
          return;
        }
        this.matches = matches;
      }
    }
    this.reselect();
  }

  private reselect(): void {
    const t = this.table;
    const identity =
      this.query.status === 'all' &&
      this.query.sort === 'file' &&
      !this.query.finishReason &&
      !this.query.errorCode &&
      this.search === '';
    this.selection =
      !t || identity
        ? undefined
        : selectRows(t, this.query, this.search === '' ? undefined : (this.matches ?? new Uint8Array(t.rowCount)));
  }

  private indices(start: number, count: number): number[] {
    const total = this.state().matching;
    const out: number[] = [];
    for (let i = Math.max(0, Math.floor(start)); i < Math.min(total, start + Math.min(count, 500)); i++) {
      out.push(this.selection ? this.selection[i] : i);
    }
    return out;
  }

  /** `count` list rows (at most 500) of the current selection from position `start`. */
  async page(start: number, count: number): Promise<ListRow[]> {
    if (!this.table) {
      return [];
    }
    const table = this.table;
    return this.first(async () => {
      const rows = await readRows(this.path, table, this.indices(start, count));
      return Promise.all(
        rows.map(async ({ index, row }) =>
          toListRow(index, row, row.prompt ?? (await this.input?.find(row.key, index))?.prompt),
        ),
      );
    });
  }

  /** Runs a read while the scan waits at its next chunk. */
  private async first<T>(read: () => Promise<T>): Promise<T> {
    if (this.reading++ === 0) {
      this.readDone = new Promise((resolve) => {
        this.releaseScan = resolve;
      });
    }
    try {
      return await read();
    } finally {
      if (--this.reading === 0) {
        this.releaseScan?.();
        this.readDone = undefined;
      }
    }
  }

  /** The full row at table index `index`, with its prompt and input line when the input is known. */
  async detail(index: number): Promise<DetailRow | undefined> {
    if (!this.table) {
      return undefined;
    }
    const table = this.table;
    const [found] = await this.first(() => readRows(this.path, table, [index]));
    if (!found) {
      return undefined;
    }
    const match =
      found.row.inputLine === undefined || found.row.prompt === undefined
        ? await this.input?.find(found.row.key, index)
        : undefined;
    return toDetailRow(index, found.row, found.row.prompt ?? match?.prompt, found.row.inputLine ?? match?.line);
  }

  /** The table index of the row with this key (after the scan), and its position in the current selection. */
  async locate(key: string): Promise<{ index: number; position: number } | undefined> {
    const table = await this.scanned;
    const index = await findKey(this.path, table, key);
    if (index === undefined) {
      return undefined;
    }
    return { index, position: this.selection ? this.selection.indexOf(index) : index };
  }

  dispose(): void {
    this.searchAbort?.abort();
  }
}
