import type { BatchKind } from '../batchKind';
import { isBrokenBatchText, nearBatchKind } from './nearBatch';
import { looksLikeResultText, isResultLine } from './resultShape';
import { batchShape, DETECTION_LINES, shapeVote } from './lineShape';

type Obj = Record<string, unknown>;

/**
 * What one non-blank line says about its file: a batch line of a kind (well formed or nearly: `reqeust`), a batch
 * line whose kind cannot be told ('batch': it does not parse but names an envelope key, or could not be read at
 * all), a result line, or nothing (other data, or a fragment like `{`).
 */
export type LineVote = BatchKind | 'batch' | 'result' | undefined;

/** What a file is: batch input (to validate), the results of a job (left alone), or other JSON Lines data. */
export type FileOutcome = 'batch' | 'results' | 'not-batch';

export interface FileVerdict {
  /** The kind the majority of the batch lines votes for (gemini-generate when none does, or the file is not a batch). */
  kind: BatchKind;
  outcome: FileOutcome;
  /** Non-blank lines that took part (0: an empty file, which counts as an empty batch file). */
  lines: number;
}

/** Longer lines are judged by their text alone (a multi-MB inline image is not worth parsing to tell a file's kind). */
const MAX_PARSED_CHARS = 64 * 1024;
const HEAD_CHARS = 4096;

/** The line as a JSON object, or undefined (blank, broken, too deep, or another JSON value). */
export function parseObject(line: string): Obj | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/** The vote of one non-blank line. Results are told apart first: a joined file's lines name `request` too. */
export function lineVote(text: string): LineVote {
  const value = text.length > MAX_PARSED_CHARS ? undefined : parseObject(text);
  if (value === undefined) {
    if (looksLikeResultText(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text)) {
      return 'result';
    }
    return isBrokenBatchText(text) ? 'batch' : undefined;
  }
  if (isResultLine(value)) {
    return 'result';
  }
  const shape = batchShape(value);
  return shape !== undefined ? shapeVote(shape) : nearBatchKind(value);
}

/**
 * The one kind vote: fed the votes of a file's first {@link DETECTION_LINES} non-blank lines, in order, it decides
 * what the file is. Used by the streamed file validation, the editor's incremental validator and the first-lines
 * checks (code lens), so they never disagree.
 *
 * - Results when result lines outnumber batch lines (a results file with a line cut short stays results; a batch
 *   file with one pasted result line stays a batch file, whose odd line gets its error).
 * - Else a batch file when any line is a batch line, broken ones included (a file where every line writes `reqeust`
 *   is a broken batch file, not "not a batch file"), of the kind most of its parsed batch lines have.
 * - Else not a batch file (a log of JSON records, other data), unless it is empty.
 */
export class KindVote {
  private readonly votes: Record<BatchKind, number> = { 'gemini-generate': 0, 'gemini-embed': 0, openai: 0 };
  private batch = 0;
  private results = 0;
  private seen = 0;

  /** Whether the window is full: later lines do not count. */
  get full(): boolean {
    return this.seen >= DETECTION_LINES;
  }

  /** One more non-blank line; ignored once the window is full. */
  add(vote: LineVote): void {
    if (this.seen >= DETECTION_LINES) {
      return;
    }
    this.seen++;
    if (vote === undefined) {
      return;
    }
    if (vote === 'result') {
      this.results++;
      return;
    }
    this.batch++;
    if (vote !== 'batch') {
      this.votes[vote]++;
    }
  }

  /** Whether the lines so far hold a batch line (the verdict may still turn to results). */
  get sawBatchLine(): boolean {
    return this.batch > 0;
  }

  verdict(): FileVerdict {
    let kind: BatchKind = 'gemini-generate';
    for (const k of ['gemini-embed', 'openai'] as const) {
      if (this.votes[k] > this.votes[kind]) {
        kind = k;
      }
    }
    return { kind, outcome: this.outcome(), lines: this.seen };
  }

  /** Results when result lines outnumber batch lines; otherwise a batch file if any line (or none at all) says so. */
  private outcome(): FileOutcome {
    if (this.results > this.batch) {
      return 'results';
    }
    return this.batch > 0 || this.seen === 0 ? 'batch' : 'not-batch';
  }
}

/** The verdict on a file from its lines (only the first {@link DETECTION_LINES} non-blank ones are read). */
export function detectFile(lines: Iterable<string>): FileVerdict {
  const vote = new KindVote();
  for (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    vote.add(lineVote(line));
    // Before the next line is asked for: an editor's document is read lazily.
    if (vote.full) {
      break;
    }
  }
  return vote.verdict();
}
