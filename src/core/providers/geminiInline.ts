import type { GeminiOperation, GeminiOutput } from './geminiOperation';

/** One request of an inline batch, in the REST shape `{request, metadata}`. */
export interface InlineRequest {
  request: unknown;
  metadata?: Record<string, string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parsed file lines (`{key, request}` or a bare request) → inline requests. The user's REST JSON goes to the
 * server as written (the SDK's InlinedRequest would re-map it and drop fields it does not know); the key
 * travels in `metadata.key` so results can be matched back.
 */
export function toInlineRequests(lines: unknown[]): InlineRequest[] {
  return lines.map((line) => {
    if (isObject(line) && isObject(line.request)) {
      const key = line.key;
      return key === undefined || key === null
        ? { request: line.request }
        : { request: line.request, metadata: { key: String(key) } };
    }
    return { request: line };
  });
}

/**
 * Inline results of a finished job → JSONL in the same shape as a results file (`{"response"|"error", "key"}`),
 * so every later step (summary, join) reads one format.
 */
export function inlineResultLines(op: GeminiOperation): string[] {
  const output: GeminiOutput | undefined = op.metadata?.output ?? op.response;
  const items =
    output?.inlinedResponses?.inlinedResponses ?? output?.inlinedEmbedContentResponses?.inlinedResponses ?? [];
  return items.map((item) => {
    const entry = isObject(item) ? item : {};
    const line: Record<string, unknown> = {};
    if (entry.error !== undefined) {
      line.error = entry.error;
    } else {
      line.response = entry.response ?? null;
    }
    const metadata = isObject(entry.metadata) ? entry.metadata : undefined;
    if (metadata?.key !== undefined) {
      line.key = metadata.key;
    }
    return JSON.stringify(line);
  });
}
