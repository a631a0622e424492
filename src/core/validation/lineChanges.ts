/**
 * Turns the content changes of one `onDidChangeTextDocument` event into line replacements for the validator
 * (`applyChange(startLine, deletedLineCount, insertedLines)`).
 *
 * VS Code reports the changes of one event so that applying them in order, each against the text the previous ones
 * produced, gives the new text. Only that final text is readable (`event.document`), so the lines a change inserts
 * are read from the final document at the place where they end up after the later changes. A line a later change
 * rewrites again is read wrongly at first, but the later change replaces it, so the validator ends with exactly the
 * document's lines. Structural types keep this file free of the editor API.
 */
export interface ChangeLike {
  range: { start: { line: number }; end: { line: number } };
  text: string;
}

export interface LineSource {
  lineCount: number;
  lineAt(line: number): { text: string };
}

export interface LineReplacement {
  startLine: number;
  deletedLineCount: number;
  insertedLines: string[];
}

interface LineSpan {
  start: number;
  deleted: number;
  inserted: number;
}

function lineCountOf(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

/** Where line `line` (counted after change `from - 1`) lands after changes `from..`; undefined if one of them rewrites it. */
function mapForward(line: number, spans: LineSpan[], from: number): number | undefined {
  let at = line;
  for (let j = from; j < spans.length; j++) {
    const s = spans[j];
    if (at >= s.start + s.deleted) {
      at += s.inserted - s.deleted;
    } else if (at >= s.start) {
      return undefined;
    }
  }
  return at;
}

/** More changes than this in one event (a huge multi-cursor edit) are cheaper to treat as a new text. */
export const MAX_MAPPED_CHANGES = 200;

/** The replacements, in order; undefined when the caller should reload the whole text instead. */
export function toLineReplacements(changes: readonly ChangeLike[], doc: LineSource): LineReplacement[] | undefined {
  if (changes.length > MAX_MAPPED_CHANGES) {
    return undefined;
  }
  const spans: LineSpan[] = changes.map((c) => ({
    start: c.range.start.line,
    deleted: c.range.end.line - c.range.start.line + 1,
    inserted: lineCountOf(c.text),
  }));
  return spans.map((span, i) => {
    const insertedLines: string[] = [];
    for (let k = 0; k < span.inserted; k++) {
      const finalLine = mapForward(span.start + k, spans, i + 1);
      insertedLines.push(finalLine !== undefined && finalLine < doc.lineCount ? doc.lineAt(finalLine).text : '');
    }
    return { startLine: span.start, deletedLineCount: span.deleted, insertedLines };
  });
}
