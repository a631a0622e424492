/**
 * Small, plausible answers for the OpenAI batch endpoints beyond chat, embeddings and responses, in the shapes
 * openai-openapi.yaml documents (`CreateCompletionResponse`, `CreateModerationResponse`, `ImagesResponse`,
 * `VideoResource`). Deterministic, like the rest of the local model; no real image or video is made.
 */
import { tokensOf } from '../model/embeddings';
import { emulatedText } from '../model/localModel';
import type { OpenAIResult } from './openaiModel';

type Obj = Record<string, unknown>;

/** The categories of `CreateModerationResponse.results[].categories` (openai-openapi.yaml). */
const MODERATION_CATEGORIES = [
  'hate',
  'hate/threatening',
  'harassment',
  'harassment/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
];

/** A 1×1 PNG: what every emulated image is. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function missing(param: string): OpenAIResult {
  return {
    status: 400,
    body: {
      error: {
        message: `Missing required parameter: '${param}'.`,
        type: 'invalid_request_error',
        param,
        code: 'missing_required_parameter',
      },
    },
  };
}

/** A prompt entry's text: a string, or an object's `text`; empty for anything else. */
function textOf(entry: unknown): string {
  if (typeof entry === 'string') {
    return entry;
  }
  const text = (entry as Obj)?.text;
  return typeof text === 'string' ? text : '';
}

function textsOf(input: unknown): string[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map(textOf).filter((t) => t !== '');
}

/** Moderation `input`: a list as it is, one value as a list of one; absent or empty is none. */
function moderationInputs(input: unknown): unknown[] {
  if (Array.isArray(input)) {
    return input;
  }
  return input === undefined || input === '' ? [] : [input];
}

export function completion(body: Obj, model: string, created: number, hash: string): OpenAIResult {
  const prompts = textsOf(body.prompt);
  if (prompts.length === 0) {
    return missing('prompt');
  }
  const texts = prompts.map((p) => ` ${emulatedText(model, p, hash)}`);
  const input = prompts.reduce((n, p) => n + tokensOf(p), 0);
  const output = texts.reduce((n, t) => n + tokensOf(t), 0);
  return {
    status: 200,
    usage: { input, output },
    body: {
      id: `cmpl-emu${hash.slice(0, 24)}`,
      object: 'text_completion',
      created,
      model,
      choices: texts.map((text, index) => ({ text, index, logprobs: null, finish_reason: 'stop' })),
      usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
    },
  };
}

export function moderation(body: Obj, model: string, hash: string): OpenAIResult {
  const inputs = moderationInputs(body.input);
  if (inputs.length === 0) {
    return missing('input');
  }
  const flags = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, false]));
  const scores = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, 0.0001]));
  const applied = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, ['text']]));
  const results = inputs.map(() => ({
    flagged: false,
    categories: flags,
    category_scores: scores,
    category_applied_input_types: applied,
  }));
  return { status: 200, body: { id: `modr-emu${hash.slice(0, 24)}`, model, results } };
}

/** `/v1/images/generations` and `/v1/images/edits`: `n` images; a URL only where the caller asks dall-e for one. */
export function images(body: Obj, model: string, created: number): OpenAIResult {
  if (typeof body.prompt !== 'string' || body.prompt === '') {
    return missing('prompt');
  }
  const n = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? Math.min(body.n, 10) : 1;
  const asUrl = model.startsWith('dall-e') && body.response_format !== 'b64_json';
  const image = asUrl ? { url: 'https://emulator.invalid/images/emulated.png' } : { b64_json: PIXEL_PNG };
  const tokens = tokensOf(body.prompt);
  return {
    status: 200,
    usage: { input: tokens, output: 0 },
    body: {
      created,
      data: Array.from({ length: n }, () => ({ ...image })),
      usage: {
        input_tokens: tokens,
        input_tokens_details: { text_tokens: tokens, image_tokens: 0 },
        output_tokens: 0,
        total_tokens: tokens,
      },
    },
  };
}

/** `/v1/videos`: the video job object, already completed (there is no video to fetch). */
export function video(body: Obj, model: string, created: number, hash: string): OpenAIResult {
  if (typeof body.prompt !== 'string' || body.prompt === '') {
    return missing('prompt');
  }
  return {
    status: 200,
    body: {
      id: `video_emu${hash.slice(0, 24)}`,
      object: 'video',
      model,
      status: 'completed',
      progress: 100,
      created_at: created,
      completed_at: created,
      expires_at: created + 3600,
      prompt: body.prompt,
      size: typeof body.size === 'string' ? body.size : '720x1280',
      seconds: typeof body.seconds === 'string' ? body.seconds : '4',
      remixed_from_video_id: null,
      error: null,
    },
  };
}
