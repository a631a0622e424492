/**
 * A response the service returned (not an error) that holds no usable answer. `blocked`: a safety or policy filter
 * stopped the prompt or the answer (a retry of the same line will likely be blocked again); `maxTokens`: the output
 * limit ran out before any answer (thinking used it all: raise maxOutputTokens or lower the thinking budget);
 * `empty`: it ended without content for another reason (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, even STOP).
 */
export type NoAnswerKind = 'blocked' | 'maxTokens' | 'empty';

export interface NoAnswer {
  kind: NoAnswerKind;
  /** The finish reason or block reason as written (`SAFETY`, `PROHIBITED_CONTENT`, `content_filter`, `length`). */
  reason: string;
  /** Gemini harm categories whose rating says `blocked: true` (`HARM_CATEGORY_HARASSMENT`). */
  categories?: string[];
  /** The service's own words: Gemini `finishMessage` / `blockReasonMessage`, OpenAI `refusal`. Untrusted text. */
  message?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Gemini finish reasons that mean a filter stopped the answer (the `FinishReason` enum's safety, recitation,
 * blocklist, prohibited-content and SPII values: node_modules/@google/genai/dist/genai.d.ts). MAX_TOKENS is apart;
 * every other reason without content (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, NO_IMAGE…) is `empty`.
 */
const BLOCKING_FINISH = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/** OpenAI's filter reason, for chat completions' `finish_reason` and responses' `incomplete_details.reason`. */
const CONTENT_FILTER = new Set(['content_filter']);

/** The kind of a no-answer by its reason: `outOfTokens` is the provider's name for the output limit. */
function kindOf(reason: string, outOfTokens: string, blocking: ReadonlySet<string>): NoAnswerKind {
  if (reason === outOfTokens) {
    return 'maxTokens';
  }
  return blocking.has(reason) ? 'blocked' : 'empty';
}

/** Finish reasons of an answer the output limit cut short (Gemini `MAX_TOKENS`, OpenAI `length`, responses' `incomplete`). */
const CUT_SHORT = new Set(['MAX_TOKENS', 'length', 'incomplete']);

/** Whether a row that has an answer was cut off by the output limit (a JSON answer is then likely invalid). */
export function isCutShort(finishReason: string | undefined): boolean {
  return finishReason !== undefined && CUT_SHORT.has(finishReason);
}

/** A Gemini part the user can use: not a thought, and text that is not blank or any data part (call, media, code). */
function usablePart(part: Obj): boolean {
  if (part.thought === true) {
    return false;
  }
  if (typeof part.text === 'string') {
    return part.text.trim() !== '';
  }
  return Object.keys(part).some((k) => k !== 'thoughtSignature' && k !== 'thought_signature' && k !== 'text');
}

function blockedCategories(...ratingLists: unknown[]): string[] | undefined {
  const categories = ratingLists
    .flatMap(arr)
    .filter(isObj)
    .filter((r) => r.blocked === true)
    .map((r) => str(r.category) ?? 'HARM_CATEGORY_UNSPECIFIED');
  return categories.length > 0 ? [...new Set(categories)] : undefined;
}

/**
 * Gemini `GenerateContentResponse`: no answer when the first candidate has no usable part. The reason is the
 * candidate's `finishReason`, else `promptFeedback.blockReason` (the `BlockedReason` enum: SAFETY, OTHER, BLOCKLIST,
 * PROHIBITED_CONTENT, IMAGE_SAFETY…, genai.d.ts), which comes with no candidate at all when the prompt was blocked.
 */
function geminiNoAnswer(body: Obj): NoAnswer | undefined {
  const candidate = arr(body.candidates).find(isObj);
  const content = isObj(candidate?.content) ? candidate.content : {};
  if (arr(content.parts).filter(isObj).some(usablePart)) {
    return undefined;
  }
  const feedback = isObj(body.promptFeedback) ? body.promptFeedback : {};
  const blockReason = str(feedback.blockReason);
  const finish = str(candidate?.finishReason);
  const categories = blockedCategories(candidate?.safetyRatings, feedback.safetyRatings);
  const message = str(candidate?.finishMessage) ?? str(feedback.blockReasonMessage);
  if (blockReason && (!finish || !candidate)) {
    return { kind: 'blocked', reason: blockReason, categories, message };
  }
  const reason = finish ?? 'none';
  return { kind: kindOf(reason, 'MAX_TOKENS', BLOCKING_FINISH), reason, categories, message };
}

/**
 * OpenAI chat completion (`finish_reason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'`,
 * `message.refusal: string | null`: node_modules/openai/resources/chat/completions/completions.d.ts), legacy
 * completion (`text`), and responses (`status: 'incomplete'`, `incomplete_details.reason: 'max_output_tokens' |
 * 'content_filter' | …`, content items of type `refusal`: node_modules/openai/resources/responses/responses.d.ts).
 */
function openaiNoAnswer(body: Obj): NoAnswer | undefined {
  const choice = arr(body.choices).find(isObj);
  if (choice) {
    const message = isObj(choice.message) ? choice.message : {};
    const text = str(message.content) ?? str(choice.text);
    if (
      (text !== undefined && text.trim() !== '') ||
      arr(message.tool_calls).length > 0 ||
      isObj(message.function_call) ||
      isObj(message.audio)
    ) {
      return undefined;
    }
    const refusal = str(message.refusal);
    const reason = str(choice.finish_reason) ?? 'none';
    if (refusal) {
      return { kind: 'blocked', reason: 'refusal', message: refusal };
    }
    return { kind: kindOf(reason, 'length', CONTENT_FILTER), reason };
  }
  if (!Array.isArray(body.output)) {
    return undefined; // embeddings, moderations, anything else: not an answer to judge
  }
  const items = body.output.filter(isObj);
  const contents = items.flatMap((item) => arr(item.content).filter(isObj));
  // Items other than a message or reasoning (function, web search, image generation calls…) are an answer.
  if (
    items.some((item) => item.type !== 'message' && item.type !== 'reasoning') ||
    contents.some((c) => typeof c.text === 'string' && c.text.trim() !== '')
  ) {
    return undefined;
  }
  const refusal = contents.map((c) => str(c.refusal)).find((r) => r !== undefined);
  if (refusal) {
    return { kind: 'blocked', reason: 'refusal', message: refusal };
  }
  const incomplete = isObj(body.incomplete_details) ? str(body.incomplete_details.reason) : undefined;
  const reason = incomplete ?? str(body.status) ?? 'none';
  return { kind: kindOf(reason, 'max_output_tokens', CONTENT_FILTER), reason };
}

/** A successful line's payload → why it holds no answer, or undefined when it holds one (or is not a generation). */
export function noAnswerOf(payload: unknown): NoAnswer | undefined {
  if (!isObj(payload)) {
    return undefined;
  }
  if ('candidates' in payload || 'promptFeedback' in payload) {
    return geminiNoAnswer(payload);
  }
  return openaiNoAnswer(payload);
}
