import type { BatchKind } from '../batchKind';
import { DETECTION_LINES, lineShape, majorityKind, shapeVote, type LineShape } from './lineShape';

type Obj = Record<string, unknown>;

/** Longer lines are judged by their text alone when the editor asks (a multi-MB inline image is not worth parsing). */
const MAX_PARSED_CHARS = 64 * 1024;
/** A line that does not parse (being typed, or broken) still counts when it names an envelope key. */
const ENVELOPE_KEY = /["'](?:request|custom_id|contents)["']\s*:/;

/**
 * The shape of a parsed line when it is evidence of a batch file, else undefined. Stricter than {@link lineShape}:
 * an HTTP access log has `method` and `url` too, so an OpenAI-looking line must also have `custom_id` or `body`;
 * a bare `{"content": …}` is as likely a chat log as an embedding request.
 */
export function batchShape(value: Obj, shape: LineShape | undefined = lineShape(value)): LineShape | undefined {
  if (shape === 'openai' || shape === 'anthropic') {
    return value.custom_id !== undefined || value.body !== undefined ? shape : undefined;
  }
  if (shape === 'gemini-embed' && value.request === undefined) { return undefined; }
  return shape;
}

/** Whether a non-blank line is evidence of a batch file: its shape when it parsed (`value`), else its text. */
export function isBatchEvidence(value: Obj | undefined, text: string): boolean {
  return value !== undefined ? batchShape(value) !== undefined : ENVELOPE_KEY.test(text);
}

/** The line as a JSON object, or undefined (blank, broken, too deep, or another JSON value). */
export function parseObject(line: string): Obj | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a file holds batch lines: one of its first {@link DETECTION_LINES} non-blank lines looks like a batch
 * request. A file of log records or other JSON Lines data does not; nor does an empty one. Stops at the first
 * batch-looking line (the editor asks this of every document it shows).
 */
export function holdsBatchLines(lines: Iterable<string>): boolean {
  let seen = 0;
  for (const line of lines) {
    if (seen >= DETECTION_LINES) { break; }
    if (line.trim() === '') { continue; }
    seen++;
    if (isBatchEvidence(line.length > MAX_PARSED_CHARS ? undefined : parseObject(line), line)) { return true; }
  }
  return false;
}

/** What the first lines of a file say about it. */
export interface FileDetection {
  /** The kind the majority of the batch-looking lines votes for (gemini-generate when none does). */
  kind: BatchKind;
  /**
   * False when the file has lines but none of its first {@link DETECTION_LINES} non-blank ones looks like a batch
   * request (a log of JSON records, other JSON Lines data): it is not a batch file and is best left alone.
   * An empty file counts as a batch file with nothing in it.
   */
  batch: boolean;
}

/**
 * Detects whether a file is a batch file and of which kind, in one pass over its first lines: the first
 * {@link DETECTION_LINES} non-blank lines decide whether it is one at all, the first {@link DETECTION_LINES} lines
 * that parse as objects vote for the kind (only the lines that look like batch requests have a vote).
 */
export function detectBatchFile(lines: Iterable<string>): FileDetection {
  const votes: Record<BatchKind, number> = { 'gemini-generate': 0, 'gemini-embed': 0, openai: 0 };
  let seen = 0;
  let parsed = 0;
  let evidence = false;
  for (const line of lines) {
    if (parsed >= DETECTION_LINES) { break; }
    if (line.trim() === '') { continue; }
    seen++;
    const value = parseObject(line);
    if (value !== undefined) {
      parsed++;
      const shape = batchShape(value);
      if (shape !== undefined) { votes[shapeVote(shape)]++; }
    }
    if (!evidence && seen <= DETECTION_LINES) { evidence = isBatchEvidence(value, line); }
  }
  return { kind: majorityKind(votes), batch: evidence || seen === 0 };
}
