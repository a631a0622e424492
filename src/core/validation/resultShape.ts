type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objectOrNull = (v: unknown): boolean => v === null || isObject(v);

/**
 * Whether a parsed line is a result line (an output of a batch job, never an input), whatever wrote it:
 *
 * - Gemini output file: `{"response": GenerateContentResponse | EmbedContentResponse, "key"}` or, for a failed request,
 *   a status object under `error` (or `status`: the field name of a real error line is unverified). The key comes last
 *   and more echoed fields may sit beside it. Evidence: /work/shared/reference/real-output/gemini-batch-*-output.jsonl
 *   and batch-api.md §1.4.
 * - Gemini inline results written as JSONL (`inlineResultLines` in src/core/providers/geminiInline.ts): the same
 *   shape, or the raw `{"response", "metadata": {"key"}}` item of `inlinedResponses`.
 * - OpenAI output and error files: `{"id", "custom_id", "response": {status_code, request_id, body} | null,
 *   "error": {code, message} | null}`. Evidence: real-output/openai-batch-output-*.jsonl and
 *   openai-batch-error-expired-guide-example.jsonl.
 * - Gemini's OpenAI compatibility layer writes `{"custom_id", "response": {status_code, body}}`, with no `id` and no
 *   `error`, the custom_id first or last. Evidence: real-output/gemini-openai-compat-batch-output.jsonl.
 * - The joined files this extension writes (src/core/jobs/joinResults.ts): `{"line", "key", "request",
 *   "response" | "error"}`, which name `request` too, so this test runs before the input shapes are looked at.
 *
 * An input line never carries `response`, and its `error` would be an unknown field: neither is ever read as a result
 * when the line has an input's envelope (`request` without `line`, `contents`, `method`/`url`/`body`).
 */
export function isResultLine(value: Obj): boolean {
  const hasResponse = value.response !== undefined;
  const hasError = value.error !== undefined;
  if (value.line !== undefined && value.request !== undefined) {
    // joinResults: `line` is a 1-based number, or null for a result matching no input request.
    return (value.line === null || typeof value.line === 'number') && (hasResponse || hasError);
  }
  if (
    value.request !== undefined ||
    value.contents !== undefined ||
    value.body !== undefined ||
    value.method !== undefined ||
    value.url !== undefined
  ) {
    return false;
  }
  if (value.custom_id !== undefined) {
    // OpenAI writes both fields, one of them null; Gemini's compat layer only `response`.
    const absentOr = (v: unknown) => v === undefined || objectOrNull(v);
    return (hasResponse || hasError) && absentOr(value.response) && absentOr(value.error);
  }
  if (hasResponse) {
    return objectOrNull(value.response);
  }
  if (isObject(value.error)) {
    return true;
  }
  return isObject(value.status) && value.key !== undefined;
}

/** The start of a result line that is too long to parse or cut short: judged by how it opens. */
const RESULT_OPENING = /^\s*\{\s*"(?:response|error|line|id)"\s*:/;
/** What must follow somewhere in the head of such a line for each opening (a log line may open with `"id"` too). */
const RESULT_FIELD = /"(?:response|error)"\s*:/;
/**
 * A compat-layer result may open with `custom_id`, as an OpenAI input line does: it is told apart by a `response`
 * object that opens with `status_code`, which no request body holds that way.
 */
const CUSTOM_ID_OPENING = /^\s*\{\s*"custom_id"\s*:/;
const RESPONSE_STATUS = /"response"\s*:\s*\{\s*"status_code"\s*:/;

/**
 * Whether an unparsed line (too long to parse, or cut short) reads as a result line from its head: it opens with a
 * result's first field (Gemini writes `response` first, OpenAI `id`, joined files `line`) and names `response` or
 * `error`, or opens with `custom_id` and holds a `response` that opens with `status_code` (the compat layer).
 */
export function looksLikeResultText(head: string): boolean {
  return (
    (RESULT_OPENING.test(head) && RESULT_FIELD.test(head)) ||
    (CUSTOM_ID_OPENING.test(head) && RESPONSE_STATUS.test(head))
  );
}
