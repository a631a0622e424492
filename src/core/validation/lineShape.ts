import type { BatchKind } from '../batchKind';

/** What a parsed line looks like, judged by its top-level fields only (cheap: runs on every line). */
export type LineShape = BatchKind | 'anthropic';

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The kind a line's shape suggests, or undefined when it suggests none.
 * OpenAI: custom_id/method/url/body. Anthropic Message Batches: params (with no body/request).
 * Gemini embed: request.content (singular) without contents; Gemini generate: any other request, or a bare request.
 */
export function lineShape(value: Obj): LineShape | undefined {
  const request = value.request;
  if (request === undefined) {
    if (value.params !== undefined && value.body === undefined) {
      return 'anthropic';
    }
    if (
      value.custom_id !== undefined ||
      value.method !== undefined ||
      value.url !== undefined ||
      value.body !== undefined
    ) {
      return 'openai';
    }
    // The older documented form: a bare GenerateContentRequest per line, with no key.
    if (value.contents !== undefined) {
      return 'gemini-generate';
    }
    if (value.content !== undefined) {
      return 'gemini-embed';
    }
    return undefined;
  }
  if (isObject(request) && request.content !== undefined && request.contents === undefined) {
    return 'gemini-embed';
  }
  return 'gemini-generate';
}

/**
 * The shape of a parsed line when it is evidence of a batch file, else undefined. Stricter than {@link lineShape}:
 * an HTTP access log has `method` and `url` too, so an OpenAI-looking line must also have `custom_id` or `body`;
 * a bare `{"content": …}` is as likely a chat log as an embedding request.
 */
export function batchShape(value: Obj, shape: LineShape | undefined = lineShape(value)): LineShape | undefined {
  if (shape === 'openai' || shape === 'anthropic') {
    return value.custom_id !== undefined || value.body !== undefined ? shape : undefined;
  }
  if (shape === 'gemini-embed' && value.request === undefined) {
    return undefined;
  }
  return shape;
}

/** Which kind a line of this shape votes for when the file's kind is detected (Anthropic lines are closest to OpenAI). */
export function shapeVote(shape: LineShape): BatchKind {
  return shape === 'anthropic' ? 'openai' : shape;
}

/** How many non-blank lines from the top of a file decide what it is and its kind. */
export const DETECTION_LINES = 100;
