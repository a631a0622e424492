import type { BatchKind } from './batchKind';

interface KindWords {
  /** The kind alone: `Gemini generateContent`. */
  name: string;
  article: 'a' | 'an';
  /** How its requests are named when not by `name`: OpenAI's file shape is `OpenAI-format` whoever runs it. */
  requestsName?: string;
}

/**
 * The one table of kind names: the validator's messages (core/validation/messages.ts), the provider check before a
 * submit (features/submit/providerFit.ts) and the walkthrough's sample labels all read it, so a kind is never named
 * two ways by accident.
 */
const WORDS: Readonly<Record<BatchKind, KindWords>> = {
  'gemini-generate': { name: 'Gemini generateContent', article: 'a' },
  'gemini-embed': { name: 'Gemini embedContent', article: 'a' },
  openai: { name: 'OpenAI', article: 'an', requestsName: 'OpenAI-format' },
};

/** `Gemini generateContent`: as the validator says what a file holds. */
export function kindName(kind: BatchKind): string {
  return WORDS[kind].name;
}

/** `a Gemini generateContent`, `an OpenAI`: as the validator says what a line looks like. */
export function kindWithArticle(kind: BatchKind): string {
  return `${WORDS[kind].article} ${WORDS[kind].name}`;
}

/** `Gemini generateContent requests`, `OpenAI-format requests`: what a file of this kind holds. */
export function kindRequests(kind: BatchKind): string {
  return `${WORDS[kind].requestsName ?? WORDS[kind].name} requests`;
}
