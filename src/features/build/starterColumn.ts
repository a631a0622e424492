import type { DataRow } from '../../core/build';

// Which column the starter template puts in the prompt's text. Pure (no `vscode`), so it is unit-tested on Node.

/**
 * Column names that say "this is the prompt", best first. A user's table usually has one of these beside an id and
 * some metadata; putting the id in the prompt (the first column, as before) made every starter template wrong.
 */
const TEXT_NAMES = ['text', 'prompt', 'question', 'content', 'input', 'query', 'message', 'instruction'];

/** A value's length as text: strings as they are, other JSON values as their JSON; missing values count as 0. */
function lengthOf(value: unknown): number {
  if (value === undefined || value === null) {
    return 0;
  }
  return typeof value === 'string' ? value.length : JSON.stringify(value).length;
}

/**
 * The column most likely to hold the prompt's text: one named like it (case and surrounding `_`/`-`/spaces ignored,
 * in the order of {@link TEXT_NAMES}); else the column whose values are longest on average over the preview rows,
 * since a prompt is prose while ids, labels and numbers are short; the first column on a tie or when no row has
 * values. Undefined when there are no columns.
 */
export function starterColumn(columns: readonly string[], rows: readonly DataRow[]): string | undefined {
  const normal = (c: string): string => c.toLowerCase().replace(/^[\s_-]+|[\s_-]+$/g, '');
  for (const name of TEXT_NAMES) {
    const named = columns.find((c) => normal(c) === name);
    if (named !== undefined) {
      return named;
    }
  }
  const valued = rows.flatMap((r) => ('values' in r ? [r.values] : []));
  let best = columns[0];
  let bestTotal = 0;
  for (const column of columns) {
    const total = valued.reduce((sum, values) => sum + lengthOf(values[column]), 0);
    if (total > bestTotal) {
      best = column;
      bestTotal = total;
    }
  }
  return best;
}
