import { isGeminiModelId } from '../models/modelTable';
import type { ProviderId } from './types';

/** `served`/`notServed` when the provider's model list is known offline; `unknown` otherwise (then nobody warns). */
export type ModelFit = 'served' | 'notServed' | 'unknown';

/**
 * Whether `provider` serves `model`, decided offline. Only the emulator's list is known here: it is the `gemini`
 * provider pointed at the emulator (createProvider.ts), so an OpenAI-format file goes through the emulated
 * OpenAI-compatible layer (`/v1beta/openai/`), which, like Gemini's, runs Gemini models only and answers
 * `model_not_found` for any other (src/emulator/jobs/openaiLine.ts, http/syncEndpoints.ts use this same rule, isGeminiModelId of core/models). The
 * price tables (core/pricing) price every model they know whatever the provider, so a price is no sign of service.
 * The real services' lists are not known offline (they change, and depend on the account): `unknown`, no warning.
 */
export function modelFit(provider: ProviderId, model: string | undefined): ModelFit {
  if (!model || provider !== 'emulator') {
    return 'unknown';
  }
  return isGeminiModelId(model) ? 'served' : 'notServed';
}
