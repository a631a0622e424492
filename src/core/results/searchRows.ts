import { parseObjectLine } from '../jobs/lineReader';
import { scanLines } from './lineScan';
import type { ResultsTable } from './resultsTable';
import { toResultRow, type ResultRow } from './resultRow';

/** The words of a row a search looks in: key, prompt, answer text, calls, error, finish reason, model. */
export function searchableText(row: ResultRow): string {
  const pieces: string[] = [row.key ?? '', row.prompt ?? '', row.finishReason ?? '', row.modelVersion ?? ''];
  for (const part of row.parts) {
    if (part.kind === 'text') {
      pieces.push(part.text);
    } else if (part.kind === 'functionCall') {
      pieces.push(part.name, JSON.stringify(part.args) ?? '');
    } else if (part.kind === 'code') {
      pieces.push(part.code);
    } else if (part.kind === 'codeResult') {
      pieces.push(part.output);
    } else if (part.kind === 'json') {
      pieces.push(JSON.stringify(part.value) ?? '');
    }
  }
  if (row.error) {
    pieces.push(row.error.code, row.error.message ?? '');
  }
  return pieces.join('\n').toLowerCase();
}

/**
 * Case-insensitive full-text search over the rows of a results file, streaming (one line in memory at a time).
 * Returns one byte per row, 1 where it matches. Lines are matched to rows by byte offset, the order both share.
 * An ASCII needle is first looked for in the raw line, which rules out most lines without parsing them (JSON keeps
 * ASCII letters as they are; escapes only touch quotes, backslashes and control characters, which such a needle
 * does not contain).
 */
export async function searchRows(
  path: string,
  table: ResultsTable,
  needle: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const matches = new Uint8Array(table.rowCount);
  const query = needle.toLowerCase();
  if (query === '') {
    return matches.fill(1);
  }
  const rawCheck = /^[\x20-\x7e]*$/.test(query) && !query.includes('"') && !query.includes('\\');
  let row = 0;
  await scanLines(
    path,
    (bytes, offset, length) => {
      while (row < table.rowCount && table.offsets.get(row) < offset) {
        row++;
      }
      if (row >= table.rowCount || table.offsets.get(row) !== offset) {
        return;
      }
      const index = row++;
      // A line too long to read (only its head is here) is an unparseable row: it matches nothing, not even raw.
      if (bytes.length < length) {
        return;
      }
      if (rawCheck && !bytes.toString('utf8').toLowerCase().includes(query)) {
        return;
      }
      const parsed = parseObjectLine(bytes);
      if (parsed && searchableText(toResultRow(parsed)).includes(query)) {
        matches[index] = 1;
      }
    },
    { signal },
  );
  return matches;
}

/**
 * The first row whose key is `key`, found by streaming the file (the table keeps no keys: rare look-ups do not
 * cost every row 4 bytes). Plain keys are first looked for in the raw line, as in searchRows.
 */
export async function findKey(path: string, table: ResultsTable, key: string): Promise<number | undefined> {
  const raw =
    /^[\x20-\x7e]*$/.test(key) && !key.includes('"') && !key.includes('\\') ? Buffer.from(key, 'latin1') : undefined;
  const stop = new AbortController();
  let row = 0;
  let found: number | undefined;
  try {
    await scanLines(
      path,
      (bytes, offset) => {
        if (found !== undefined) {
          return;
        }
        while (row < table.rowCount && table.offsets.get(row) < offset) {
          row++;
        }
        if (row >= table.rowCount || table.offsets.get(row) !== offset) {
          return;
        }
        const index = row++;
        if (raw && bytes.indexOf(raw) === -1) {
          return;
        }
        const parsed = parseObjectLine(bytes);
        if (parsed && toResultRow(parsed).key === key) {
          found = index;
          stop.abort();
        }
      },
      { signal: stop.signal },
    );
  } catch (error) {
    if (!stop.signal.aborted) {
      throw error;
    }
  }
  return found;
}
