import type { Call } from './context';
import { header } from './httpUtil';
import { OPENAI_BATCH_ENDPOINTS } from '../../core/openaiEndpoints';

/** Which API a request is for: decides auth, error style and routing. */
export type Surface = 'gemini' | 'openai' | 'openai-compat';

/** `chat`, `embeddings`, `images`…: the first path segment of every OpenAI endpoint (Gemini's v1 has none of them). */
const OPENAI_FIRST_SEGMENTS: readonly string[] = OPENAI_BATCH_ENDPOINTS.map((e) => e.split('/')[2]);

/**
 * `/v1/...` is both Gemini's v1 API and OpenAI's API. The rule (README, "Local emulator"): a Gemini key
 * (`x-goog-api-key` or `?key=`) makes it Gemini; else `Authorization: Bearer` makes it OpenAI; with no key at
 * all, a path only OpenAI has (an OpenAI batch endpoint such as `chat/completions` or `images/edits`, a `file-…` or
 * `batch_…` id, a multipart body) makes it OpenAI (so the 401 comes in OpenAI's shape), anything else Gemini.
 */
export function surfaceOf(call: Call): Surface {
  const [first, second, third] = call.segments;
  if (first === 'v1beta' && second === 'openai') {
    return 'openai-compat';
  }
  if (first !== 'v1') {
    return 'gemini';
  }
  const geminiKey = header(call.req, 'x-goog-api-key') !== undefined || call.url.searchParams.has('key');
  const bearer = /^bearer\s/i.test(header(call.req, 'authorization') ?? '');
  const openaiPath =
    OPENAI_FIRST_SEGMENTS.includes(second ?? '') ||
    (second === 'files' && (third ?? '').startsWith('file-')) ||
    (second === 'batches' && (third ?? '').startsWith('batch_')) ||
    /^multipart\//i.test(header(call.req, 'content-type') ?? '');
  if (geminiKey) {
    return 'gemini';
  }
  return bearer || openaiPath ? 'openai' : 'gemini';
}
