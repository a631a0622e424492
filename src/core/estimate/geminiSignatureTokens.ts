import { isRecord } from './requestCount';

/**
 * What a `thoughtSignature` sent back in a request adds to its input tokens.
 *
 * Gemini 3 bills, for each function-call part that carries a signature the model returned, exactly the
 * `usageMetadata.thoughtsTokenCount` of the response that returned it: the thinking it stands for is replayed.
 * Evidence (pydantic/pydantic-ai at 4fda3898, tests/models/cassettes/...): in test_google/
 * test_google_instructions_only_with_tool_calls.yaml the four follow-up requests are 190, 230, 335 and 441 tokens
 * above the count without signatures, and the responses that returned their signatures thought 190, 40, 105 and 106;
 * the same holds for 55 of the 61 such requests of test/fixtures/tokens/published-counts.json (each carries the
 * recorded figure as `signatureTokens`; the others are 1 to 7 off, and one cross-provider replay bills none).
 * That figure is not in the request, and the signature is opaque and no function of it (two of 747 decoded bytes
 * stood for 154 and 170 thought tokens, two of 290 bytes for 56 and 61), so it cannot be computed offline: the estimate uses a fitted rate, about 0.283 tokens per decoded byte
 * less 28 (fit half, mean error 2.7%; held-out 2.9%), and reports those tokens as approximate.
 * - The sentinels Google documents for a call the model did not produce, `skip_thought_signature_validator` and
 *   `context_engineering_is_the_way_to_go` (ai.google.dev/gemini-api/docs/thought-signatures), cost nothing: every
 *   recorded request with only those is exact without them.
 * - The signature of a text part is not billed (test_google_model_thinking_part, interaction 1: exact without the
 *   signature of a response that thought 1,001 tokens).
 * - Gemini 2.5 bills no signature (its 11 recorded requests with one are off by at most 2 without it, after 48 to
 *   414 thought tokens; googleapis/python-genai issue 1129 reports the same on gemini-2.5-flash).
 */
export interface SignatureRule {
  perByte: number;
  perSignature: number;
}

export const GEMINI_3_SIGNATURES: SignatureRule = { perByte: 0.283, perSignature: -28 };

/** The tokens a part's signature adds; `approximate` when they stand for thinking the request does not show. */
export interface SignatureCount {
  tokens: number;
  approximate: boolean;
}

const SENTINELS = new Set(['skip_thought_signature_validator', 'context_engineering_is_the_way_to_go']);

function decoded(signature: string): Buffer {
  return Buffer.from(signature.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export function geminiSignatureTokens(
  part: Record<string, unknown>,
  rule: SignatureRule | undefined,
): SignatureCount | undefined {
  const signature = part.thoughtSignature ?? part.thought_signature;
  if (!rule || typeof signature !== 'string' || !isRecord(part.functionCall ?? part.function_call)) {
    return undefined;
  }
  const bytes = decoded(signature);
  if (SENTINELS.has(bytes.toString('latin1'))) {
    return { tokens: 0, approximate: false };
  }
  return { tokens: Math.max(0, Math.round(bytes.length * rule.perByte) + rule.perSignature), approximate: true };
}
