import type { KeySource } from './buildTypes';
import { csvHeader, type DataFormat } from './dataSource';
import { FOLDER_COLUMNS } from './folderSource';

// A template placeholder or a key column that names no column of the data fails on every row alike: one problem
// about the template, found once, instead of the same row problem a million times.

/** A column the template or the key source names that the data does not have, and the nearest name it does have. */
export interface UnknownColumn {
  column: string;
  /** `placeholder`: a `{{column}}` of the template; `key`: the key column (`--key`). */
  role: 'placeholder' | 'key';
  suggestion?: string;
}

/**
 * The columns of the data known before any row is read: a CSV/TSV header, a folder's fixed columns. Undefined for
 * JSONL and JSON, whose rows are objects that need not share their keys (buildFile reports a column no row had).
 * Throws DataFileError when the file cannot be read, as readRows does.
 */
export async function dataColumns(data: string, format: DataFormat): Promise<readonly string[] | undefined> {
  if (format === 'folder') {
    return FOLDER_COLUMNS;
  }
  if (format === 'csv' || format === 'tsv') {
    return csvHeader(data, format === 'tsv' ? '\t' : ',');
  }
  return undefined;
}

/** The template's columns and the key column that are not among `columns`, placeholders first, in template order. */
export function unknownColumns(
  templateColumns: readonly string[],
  keys: KeySource,
  columns: readonly string[],
): UnknownColumn[] {
  const known = new Set(columns);
  const named: Array<Pick<UnknownColumn, 'column' | 'role'>> = [
    ...templateColumns.map((column) => ({ column, role: 'placeholder' as const })),
    ...(keys === 'row-number' ? [] : [{ column: keys.column, role: 'key' as const }]),
  ];
  return named
    .filter((n) => !known.has(n.column))
    .map((n) => {
      const suggestion = closestColumn(n.column, columns);
      return suggestion === undefined ? n : { ...n, suggestion };
    });
}

/**
 * The column `name` most likely meant: the same name in other case, else the nearest within a typo or two (one for
 * names of up to 4 characters), a swap of two neighbours counting as one (`questoin` → `question`).
 */
export function closestColumn(name: string, columns: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: { column: string; distance: number } | undefined;
  for (const column of columns) {
    const distance = typoDistance(wanted, column.toLowerCase(), limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) {
      best = { column, distance };
    }
  }
  return best?.column;
}

/** Edit distance with adjacent swaps (optimal string alignment); anything over `limit` is reported as `limit + 1`. */
function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      }
    }
    rows.push(row);
  }
  return Math.min(rows[a.length][b.length], limit + 1);
}

/** Column names kept for the message about an absent column (a JSONL row may have any number of keys). */
const MAX_SEEN = 200;

/**
 * For data whose columns are known only from its rows (JSONL, JSON): follows a build's rows for the columns the
 * template and the key name that no row has had yet. Once every one was seen (usually at the first row) a row costs
 * one size check.
 */
export class AbsentColumns {
  private readonly missing: Set<string>;
  private readonly seen = new Set<string>();
  private rows = 0;

  constructor(
    private readonly templateColumns: readonly string[],
    private readonly keys: KeySource,
  ) {
    this.missing = new Set([...templateColumns, ...(keys === 'row-number' ? [] : [keys.column])]);
  }

  see(values: Readonly<Record<string, unknown>>): void {
    this.rows++;
    if (this.missing.size === 0) {
      return;
    }
    for (const column of this.missing) {
      if (Object.hasOwn(values, column)) {
        this.missing.delete(column);
      }
    }
    for (const name of Object.keys(values)) {
      if (this.seen.size >= MAX_SEEN) {
        break;
      }
      this.seen.add(name);
    }
  }

  /** The named columns no row had (none when no row had values), and the column names the rows had. */
  result(): { absent: UnknownColumn[]; columns: string[] } {
    if (this.rows === 0 || this.missing.size === 0) {
      return { absent: [], columns: [] };
    }
    const columns = [...this.seen];
    const absent = unknownColumns(this.templateColumns, this.keys, columns).filter((u) => this.missing.has(u.column));
    return { absent, columns };
  }
}
