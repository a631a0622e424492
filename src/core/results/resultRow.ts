import { noAnswerOf, type NoAnswer } from '../jobs/noAnswer';
import { classifyResultLine } from '../jobs/resultLine';
import { answerOf, type Answer } from './answerOf';
import { promptText } from './promptText';
import { errorOf, type RowError } from './errorOf';

export type { Answer, AnswerPart, RowTokens } from './answerOf';
export type { RowError } from './errorOf';
export type { NoAnswer, NoAnswerKind } from '../jobs/noAnswer';

/**
 * One request's result, whatever file it came from: a Gemini results file (`{"response"|"error", "key"}`), inline
 * results written as JSONL (same shape), an OpenAI output or error file (`{"custom_id", "response": {"status_code",
 * "body"}, "error"}`), or the joined file (`{"line", "key", "request", "response"|"error"}`). The view, the outcomes on
 * input lines, export and the CLI all read this one shape, so they agree on what a row says.
 */
export interface ResultRow extends Answer {
  /** Gemini `key` / OpenAI `custom_id`, stringified; undefined for keyless lines. */
  key?: string;
  ok: boolean;
  /** Set when `ok` is false. */
  error?: RowError;
  /** Set when `ok` is true but the response holds no usable answer: a distinct outcome, neither ✓ nor ✗. */
  noAnswer?: NoAnswer;
  /** 1-based input line, when the row comes from the joined file. */
  inputLine?: number;
  /** The last user text of the request (promptText), when the row carries its request (joined file). */
  prompt?: string;
}

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The joined file's line: written by joinResults with `line` (number or null) and `request`. */
function isJoined(line: Obj): boolean {
  return 'line' in line && 'request' in line && ('response' in line || 'error' in line);
}

const EMPTY_ANSWER: Answer = { parts: [], tokens: {} };

/** A parsed result line → its row. Never throws: anything unrecognised is a failed row with code `unrecognized_line`. */
export function toResultRow(line: Obj): ResultRow {
  if (isJoined(line)) {
    const key = typeof line.key === 'string' || typeof line.key === 'number' ? String(line.key) : undefined;
    const inputLine = typeof line.line === 'number' ? line.line : undefined;
    const prompt = promptText(line.request);
    if (line.error !== undefined && line.error !== null) {
      return { ...EMPTY_ANSWER, key, ok: false, error: errorOf(line.error, 'error'), inputLine, prompt };
    }
    return { ...answerOf(line.response), key, ok: true, noAnswer: noAnswerOf(line.response), inputLine, prompt };
  }
  const outcome = classifyResultLine(line);
  if (!outcome.ok) {
    // A non-200 OpenAI response still has a body with a model and maybe usage; the error is what matters.
    return { ...EMPTY_ANSWER, key: outcome.key, ok: false, error: errorOf(outcome.payload, outcome.code ?? 'error') };
  }
  return { ...answerOf(outcome.payload), key: outcome.key, ok: true, noAnswer: outcome.noAnswer };
}

/** The row of a line that is not a JSON object: kept as a failure so nothing is silently dropped. */
export function unparseableRow(): ResultRow {
  return { ...EMPTY_ANSWER, ok: false, error: { code: 'unparseable_line', advice: 'unknown' } };
}

export { isObj as isResultObject };
