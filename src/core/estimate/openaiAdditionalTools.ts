import type { TextCounter } from '../tokens/textCounter';
import { functionsText } from './openaiToolText';
import { HARMONY_TOOLS_HEADER } from './openaiToolTokens';
import { isRecord } from './requestCount';

/**
 * What an `additional_tools` item (a developer item of /v1/responses that adds function tools mid-conversation)
 * bills beyond its tools rendered as harmony writes them (`# Tools`, `## functions`, the `namespace functions` block;
 * openai/harmony src/encoding.rs, template_tools_section). OpenAI does not publish the rest of its text: 90 is the
 * median of what the fit half of test/fixtures/tokens/published-counts.json needs (5 counts, gpt-5.4 and gpt-5.6:
 * 86 to 96). It is approximate: on the held-out half (7 counts, gpt-5 and gpt-5.4) the estimate is 0 to 6 over.
 */
const ADDITIONAL_TOOLS_TOKENS = 90;

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
