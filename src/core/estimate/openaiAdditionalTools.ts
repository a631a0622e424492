import type { TextCounter } from '../tokens/textCounter';
import { HARMONY_TOOLS_HEADER, functionsText } from './openaiToolTokens';
import { isRecord } from './requestCount';

/**
 * What an `additional_tools` item (a developer item of /v1/responses that adds function tools mid-conversation)
 * bills beyond its tools rendered as harmony writes them (`# Tools`, `## functions`, the `namespace functions` block;
 * openai/harmony src/encoding.rs, template_tools_section). OpenAI does not publish the rest of its text: 100 is the
 * median of the fit half of test/fixtures/tokens/published-counts.json (5 entries, gpt-5.4 and gpt-5.6: 86 to 110).
 * It is approximate: the held-out entries need 84 to 97 (gpt-5, gpt-5.4), and calls to the tools it adds (which carry
 * a `namespace`) cost about 7 more each than other calls, which no published rendering explains.
 */
const ADDITIONAL_TOOLS_TOKENS = 100;

/** The function definitions of each `additional_tools` item of a /v1/responses input. */
function additionalTools(body: Record<string, unknown>): Record<string, unknown>[][] {
  const input = Array.isArray(body.input) ? body.input : [];
  return input.flatMap((item) =>
    isRecord(item) && item.type === 'additional_tools' && Array.isArray(item.tools)
      ? [item.tools.filter((tool): tool is Record<string, unknown> => isRecord(tool) && tool.type === 'function')]
      : [],
  );
}

/** Tokens of the `additional_tools` items of a /v1/responses request. */
export function additionalToolsTokens(body: Record<string, unknown>, counter: TextCounter): number {
  return additionalTools(body).reduce(
    (sum, tools) =>
      sum + ADDITIONAL_TOOLS_TOKENS + (tools.length ? counter.count(HARMONY_TOOLS_HEADER + functionsText(tools)) : 0),
    0,
  );
}
