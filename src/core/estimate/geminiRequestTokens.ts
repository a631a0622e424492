import { modelRow } from '../models/modelTable';
import type { TextCounter } from '../tokens/textCounter';
import {
  GEMINI_20_TOOLS,
  GEMINI_25_PRO_TOOLS,
  GEMINI_25_TOOLS,
  GEMINI_3_TOOLS,
  type GeminiToolRules,
} from './geminiToolRules';
import { geminiCallPartTokens, geminiToolTokens } from './geminiToolTokens';
import { geminiSignatureTokens } from './geminiSignatureTokens';
import { type MediaCount, inlineMediaTokens } from './mediaTokens';
import { type RequestCount, addMedia, isRecord } from './requestCount';

/**
 * How the Gemini API counts a request beyond its text (evidence: test/fixtures/tokens/published-counts.json).
 * - 2.5 and later add one token per `Content`, the system instruction included, in `usageMetadata.promptTokenCount`
 *   and in countTokens alike: "The quick brown fox jumps over the lazy dog." (10 text tokens) is 11 on gemini-2.5-flash
 *   and its previews (google-gemini/cookbook quickstarts/Counting_Tokens.ipynb, rerun in 5cc23662, 56222230,
 *   d68d3c8b), "What is the venue where Google I/O normally happens?" (12) is 13 in both fields
 *   (examples/Google_IO2025_Live_Coding.ipynb); requests with a system instruction are text + 2. The token is
 *   billed only for a Content with a `role`: the SDKs always send one, and the 6 recorded requests sent without it
 *   (cookbook quickstarts/Get_started_thinking_REST.ipynb at 2516210a, whose REST bodies have none, and the batch
 *   file of quickstarts/Batch_mode.ipynb at 88bdd707) are text + 0; so is a system instruction without a role,
 *   which no recorded request shows (every recorded one has a role and is exact with the token).
 * - `generationConfig.responseJsonSchema` is not counted on 2.5+ (every such recorded request is exact without it).
 * - 2.0 bills the text alone: the same sentence is 10 on gemini-2.0-flash (Counting_Tokens.ipynb at bc16ed12), and
 *   "Why is the sky blue?" is 6 (GoogleCloudPlatform/python-docs-samples genai/count_tokens/counttoken_resp_with_txt.py);
 *   2.0's countTokens does add one per Content, so it runs one per Content above what 2.0 bills.
 * - Function declarations, function calls and responses are rendered by the service in a form that is not published
 *   and differs between models (the same declaration costs 21 on gemini-2.5-flash and 16 on gemini-3-flash-preview):
 *   geminiToolTokens.ts counts them by a fitted rule, per generation; 2.0 bills their texts alone
   (gemini20ToolTokens.ts).
 * - A Gemini 3 function call's thought signature bills the thinking it replays, which the request does not show:
 *   geminiSignatureTokens.ts guesses it, and those tokens are reported in `approximateTokens`.
 * - The image tile rule is documented for 2.x; Gemini 3 sizes media by `media_resolution`, so images and PDFs are
 *   reported unknown there. Media inside a function response (`functionResponse.parts`, Gemini 3's multimodal
 *   function responses) follows the same rules; whatever the service adds around them is unmeasured.
 */
export interface GeminiRules {
  perContent: number;
  mediaTiles: boolean;
  tools: GeminiToolRules;
}

export function geminiRules(model: string | undefined): GeminiRules {
  const id = model?.replace(/^models\//, '');
  const family = id ? modelRow(id)?.family : undefined;
  // Versioned ids (`gemini-2.0-flash-001`) are not table rows: their prefix names the generation. An unknown or
  // unnamed model is counted by the current rules (2.5+), the ones a new model most likely follows.
  const old = family === 'gemini-2.0' || /^gemini-(1\.|2\.0)/.test(id ?? '');
  const three = family === 'gemini-3' || /^gemini-3/.test(id ?? '');
  let tools = /^gemini-2\.5-pro/.test(id ?? '') ? GEMINI_25_PRO_TOOLS : GEMINI_25_TOOLS;
  if (three) {
    tools = GEMINI_3_TOOLS;
  } else if (old) {
    tools = GEMINI_20_TOOLS;
  }
  return { perContent: old ? 0 : 1, mediaTiles: !three, tools };
}

/**
 * The media of a Content's part, or of a function response's part: a `FunctionResponsePart` carries the same
 * `inlineData` {mimeType, data} / `fileData` {mimeType, fileUri} (@google/genai dist/genai.d.ts `FunctionResponsePart`;
 * python-genai sends them snake_case, as recorded in pydantic-ai's test_multimodal_tool_returns cassettes).
 */
function countMedia(part: Record<string, unknown>, rules: GeminiRules, into: RequestCount): void {
  const inline = inlinePartMedia(part, rules.mediaTiles);
  if (inline) {
    addMedia(into, inline);
  }
  if (isRecord(part.fileData ?? part.file_data)) {
    addMedia(into, { kind: 'file', unknown: true });
  }
}

/** A part's inline media sized by the documented rules (or reported unknown); undefined when it has none. */
export function inlinePartMedia(part: Record<string, unknown>, tiles: boolean): MediaCount | undefined {
  const inline = part.inlineData ?? part.inline_data;
  if (!isRecord(inline) || typeof inline.data !== 'string') {
    return undefined;
  }
  const mime = [inline.mimeType, inline.mime_type].find((m) => typeof m === 'string') ?? '';
  return inlineMediaTokens(mime, inline.data, tiles);
}

function countParts(parts: unknown, counter: TextCounter, rules: GeminiRules, into: RequestCount): void {
  if (!Array.isArray(parts)) {
    return;
  }
  for (const part of parts) {
    if (!isRecord(part)) {
      continue;
    }
    if (typeof part.text === 'string') {
      into.tokens += counter.count(part.text);
    }
    countMedia(part, rules, into);
    into.tokens += geminiCallPartTokens(part, counter, rules.tools);
    const response = part.functionResponse ?? part.function_response;
    if (isRecord(response) && Array.isArray(response.parts)) {
      for (const media of response.parts) {
        if (isRecord(media)) {
          countMedia(media, rules, into);
        }
      }
    }
    const signature = geminiSignatureTokens(part, rules.tools.signature);
    if (signature) {
      into.tokens += signature.tokens;
      if (signature.approximate) {
        into.approximateTokens = (into.approximateTokens ?? 0) + signature.tokens;
      }
    }
  }
}

function countContent(content: unknown, counter: TextCounter, rules: GeminiRules, into: RequestCount): void {
  if (typeof content === 'string') {
    into.tokens += counter.count(content) + rules.perContent;
    return;
  }
  if (!isRecord(content)) {
    return;
  }
  if (typeof content.role === 'string' && content.role) {
    into.tokens += rules.perContent;
  }
  countParts(content.parts, counter, rules, into);
}

function hasFunctionCall(content: unknown): boolean {
  const parts = isRecord(content) ? content.parts : undefined;
  return (
    Array.isArray(parts) && parts.some((part) => isRecord(part) && isRecord(part.functionCall ?? part.function_call))
  );
}

/** Input tokens of a GenerateContentRequest or EmbedContentRequest (the `request` of a batch line). */
export function geminiRequestTokens(
  request: Record<string, unknown>,
  counter: TextCounter,
  rules: GeminiRules,
): RequestCount {
  const into: RequestCount = { tokens: 0, unknownMedia: 0 };
  const contents = request.contents;
  if (Array.isArray(contents)) {
    for (const content of contents) {
      countContent(content, counter, rules, into);
    }
  } else if (contents !== undefined) {
    countContent(contents, counter, rules, into);
  }
  const system = request.systemInstruction ?? request.system_instruction;
  if (system !== undefined) {
    countContent(system, counter, rules, into);
  }
  // An embedding request holds one `content`; embeddings are counted as text only.
  if (isRecord(request.content)) {
    countParts(request.content.parts, counter, rules, into);
  }
  if (request.tools !== undefined) {
    into.tokens += geminiToolTokens(request.tools, counter, rules.tools);
  }
  if (Array.isArray(contents) && contents.some(hasFunctionCall)) {
    into.tokens += rules.tools.perCallingRequest;
  }
  return into;
}

/** `generationConfig.maxOutputTokens`, the output a request allows (an upper bound, so labelled assumed). */
export function geminiMaxOutput(request: Record<string, unknown>): number | undefined {
  const config = request.generationConfig ?? request.generation_config;
  if (!isRecord(config)) {
    return undefined;
  }
  const max = config.maxOutputTokens ?? config.max_output_tokens;
  return typeof max === 'number' && Number.isFinite(max) && max >= 0 ? max : undefined;
}
