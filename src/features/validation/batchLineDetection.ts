import { lineShape } from '../../core/validation/lineShape';

/** How many non-blank lines from the top decide whether a .jsonl file holds batch lines at all. */
const SCAN_LINES = 100;
/** Longer lines are judged by the text pattern alone (a multi-MB inline image is not worth parsing here). */
const MAX_PARSED_CHARS = 64 * 1024;
/** A line that does not parse (being typed, or broken) still counts when it names an envelope key. */
const ENVELOPE_KEY = /"(?:request|custom_id)"\s*:/;

export interface LineSource {
  lineCount: number;
  lineAt(line: number): { text: string };
}

function looksLikeBatchLine(text: string): boolean {
  if (text.length > MAX_PARSED_CHARS) {
    return ENVELOPE_KEY.test(text);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ENVELOPE_KEY.test(text);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  const shape = lineShape(record);
  if (shape === 'openai' || shape === 'anthropic') {
    // An HTTP access log has method and url too: an OpenAI batch line also has custom_id or a body.
    return record.custom_id !== undefined || record.body !== undefined;
  }
  if (shape === 'gemini-embed' && record.request === undefined) {
    // A bare {"content": …} is as likely a chat log as an embedding request.
    return false;
  }
  return shape !== undefined;
}

/**
 * Whether a .jsonl document holds batch lines, judged from its first non-blank lines: a file of log records or other
 * JSON Lines data is left alone under the 'auto' kind.
 */
export function holdsBatchLines(doc: LineSource): boolean {
  let seen = 0;
  for (let i = 0; i < doc.lineCount && seen < SCAN_LINES; i++) {
    const text = doc.lineAt(i).text.trim();
    if (text === '') {
      continue;
    }
    seen++;
    if (looksLikeBatchLine(text)) {
      return true;
    }
  }
  return false;
}
