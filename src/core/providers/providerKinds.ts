import type { BatchKind } from '../batchKind';
import type { ProviderId } from './types';

/**
 * Whether a provider runs batches of `kind`. OpenAI, and Gemini's OpenAI-compatible layer, take uploaded
 * OpenAI-format files only (`{"custom_id","method","url","body"}` lines: the OpenAI Batch API, and the cookbook's
 * quickstarts/Get_started_OpenAI_Compatibility.ipynb batch section); the Gemini API runs its own kinds and, through
 * the same compatibility layer, OpenAI-format files too (geminiProvider.ts), as the emulator does. Asked before
 * anything is uploaded: a Gemini file sent to OpenAI was uploaded, left on the account, then refused.
 */
export function runsKind(provider: ProviderId, kind: BatchKind): boolean {
  return kind === 'openai' || provider === 'gemini' || provider === 'emulator';
}
