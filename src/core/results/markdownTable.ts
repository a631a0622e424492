import type { Inline } from './markdown';

/** A cell's alignment, from the delimiter row (`:---` left, `:---:` center, `---:` right, `---` none). */
export type Align = 'left' | 'center' | 'right' | '';

export interface TableBlock {
  t: 'table';
  align: Align[];
  head: Inline[][];
  rows: Inline[][][];
}

/**
 * Bounds on what one table renders, so a hostile answer (a 100,000-column header) cannot build a huge DOM: cells past
 * the column bound are dropped, rows past the row bound end the table and the rest reads as paragraphs.
 */
export const MAX_TABLE_COLUMNS = 64;
export const MAX_TABLE_ROWS = 2000;

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/** The cells of a pipe row: `| a | b |` or `a | b`; `\|` is a literal pipe. Undefined for a line without a pipe. */
export function pipeCells(line: string): string[] | undefined {
  if (!line.includes('|')) {
    return undefined;
  }
  let body = line.trim();
  if (body.startsWith('|')) {
    body = body.slice(1);
  }
  if (body.endsWith('|') && !body.endsWith('\\|')) {
    body = body.slice(0, -1);
  }
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += body[i];
    }
  }
  cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): Align {
  const c = cell.trim();
  const left = c.startsWith(':');
  const right = c.endsWith(':');
  if (left && right) {
    return 'center';
  }
  if (left || right) {
    return left ? 'left' : 'right';
  }
  return '';
}

/**
 * A GitHub-flavoured pipe table starting at `lines[at]`: a header row, then a delimiter row with as many cells
 * (https://github.github.com/gfm/#tables-extension-), then body rows until a blank line or a line without a pipe.
 * Returns the table and the index of the first line after it, or undefined when `lines[at]` does not start one.
 */
export function readTable(
  lines: readonly string[],
  at: number,
  inline: (text: string) => Inline[],
): { block: TableBlock; next: number } | undefined {
  const head = pipeCells(lines[at]);
  const delimiter = at + 1 < lines.length ? pipeCells(lines[at + 1]) : undefined;
  if (!head || !delimiter || head.length !== delimiter.length || !delimiter.every((c) => DELIMITER_CELL.test(c))) {
    return undefined;
  }
  const width = Math.min(head.length, MAX_TABLE_COLUMNS);
  // A body row is cut or padded to the header's width, as GFM does.
  const row = (cells: string[]) => Array.from({ length: width }, (_, i) => inline(cells[i] ?? ''));
  const rows: Inline[][][] = [];
  let next = at + 2;
  for (; next < lines.length && rows.length < MAX_TABLE_ROWS && lines[next].trim() !== ''; next++) {
    const cells = pipeCells(lines[next]);
    if (!cells) {
      break;
    }
    rows.push(row(cells));
  }
  return { block: { t: 'table', align: delimiter.slice(0, width).map(alignOf), head: row(head), rows }, next };
}
