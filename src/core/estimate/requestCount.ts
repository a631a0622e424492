import type { MediaCount } from './mediaTokens';

/** Input tokens of one request, and how many of its media parts had a size we could not know. */
export interface RequestCount {
  tokens: number;
  unknownMedia: number;
  /**
   * Tokens of `tokens` that are a guess, set when there are any: what the request does not show (a Gemini 3 thought
   * signature bills the thinking it replays, see geminiSignatureTokens.ts), or the whole count of a request nested too
   * deep to render (deepRequestCount.ts).
   */
  approximateTokens?: number;
}

export function addMedia(into: RequestCount, media: MediaCount): void {
  if ('unknown' in media) {
    into.unknownMedia++;
  } else {
    into.tokens += media.tokens;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
