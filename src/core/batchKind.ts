/** The three kinds of batch line the product understands; the names match the files in `schemas/`. */
export type BatchKind = 'gemini-generate' | 'gemini-embed' | 'openai';

export const BATCH_KINDS: readonly BatchKind[] = ['gemini-generate', 'gemini-embed', 'openai'];

export function isBatchKind(value: unknown): value is BatchKind {
  return typeof value === 'string' && (BATCH_KINDS as readonly string[]).includes(value);
}
