import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/**
 * The text the Gemini API appears to bill for declarations, calls and answers: FunctionGemma's rendering (keys
 * sorted, no quotes, strings between `<escape>` tokens; geminiToolTokens.ts says where it comes from and what is
 * fitted on top of it).
 */
/** Stands for FunctionGemma's `<escape>` token, one token wherever it appears. */
const ESCAPE = '\u0001';

/**
 * Control characters other than tab and line breaks, which the service appears to bill escaped (`\u001b`): js-genai's
 * MCP follow-ups (6e9b35c and dc629b688, interaction 1), whose tool answers hold two ESC characters, are 10 or 11
 * under with them raw and 1 or 2 over with them escaped (one exact); the exact form is unknown. Newlines and quotes
 * are billed as they are (test_google_model_retry, exact).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The FunctionGemma-like text of a value. `struct` marks the arguments and answers of calls: a `google.protobuf.Struct`,
 * whose numbers are doubles (struct.proto, `number_value`), and an integer there is billed as one (`100.0`):
 * Mirascope's resume_with_override recordings (argument 100) are 2 under as `100` and exact as `100.0`, crewAI's
 * (15, 27, 42) 5 under and 1 over, js-genai's AFC recording 3 under per call round and exact.
 */
export function render(value: unknown, struct = false): string {
  if (typeof value === 'string') {
    return ESCAPE + escapeControls(value) + ESCAPE;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => render(item, struct)).join(',')}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${key}:${render(value[key], struct)}`).join(',')}}`;
  }
  if (struct && typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e21) {
    return `${value}.0`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

export function countRendered(text: string, counter: TextCounter): number {
  const pieces = text.split(ESCAPE);
  return pieces.reduce((sum, piece) => sum + (piece ? counter.count(piece) : 0), pieces.length - 1);
}

/** The newlines after the first of each run (`\n\n` is one token to the Gemma tokenizer, two to the service). */
export function extraNewlines(text: string): number {
  return (text.match(/\n/g) ?? []).length - (text.match(/\n+/g) ?? []).length;
}
