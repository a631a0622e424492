import type { TextCounter } from '../tokens/textCounter';
import { responsesCallTokens } from './openaiResponsesCalls';
import { isRecord } from './requestCount';

/**
 * Tokens of the function calls an assistant message made and of the `tool` messages that answer them, on OpenAI chat
 * (gpt-4o, gpt-4o-mini, gpt-4.1). OpenAI does not publish how it renders them; these rules reproduce the recorded
 * counts of test/fixtures/tokens/published-counts.json (see its `notes`), derived on the fit half and checked on the
 * held-out half:
 * - A call is addressed to its function in the message header, the way the model writes it: ` to=functions.NAME`
 *   followed by the arguments as sent. Several calls in one message are one call to `multi_tool_use.parallel` with
 *   `{"tool_uses":[{"recipient_name":"functions.NAME","parameters":{…}}]}`, the wrapper the model writes for parallel
 *   calls (github.com/respawn-llc/kent/issues/45 shows it leaking out of a model). Either way the message costs 2 more
 *   (fitted: the same on every recorded count; its origin is unknown).
 * - A `tool` message is authored by the function it answers (found by `tool_call_id`): its name plus 1 take the place
 *   of the role `tool` (fitted; the name counted on its own, as `durability_get_weather_in_city` shows, which
 *   tokenizes differently after a `functions.` prefix).
 * - Reasoning models (harmony format) bill 6 more per message with calls (fitted; harmony writes such a message
 *   `<|start|>assistant<|channel|>commentary to=functions.NAME <|constrain|>json<|message|>…<|call|>` and answers it
 *   `<|start|>functions.NAME to=assistant<|channel|>commentary<|message|>…`, openai/harmony src/encoding.rs).
 * - /v1/responses on gpt-4o and gpt-4.1 bills 2 less per message with calls (fitted: `function_call` items, 5 of 5
 *   fit entries), and each call as a message of its own (openaiResponsesCalls.ts); its reasoning models are counted
 *   as harmony (gpt-5.2 exact, gpt-5 within 4 on the recorded counts without encrypted reasoning; those with it are
 *   reported unsized, see openaiResponsesInput.ts).
 * The legacy `function_call` keeps the rule hmarr/openai-chat-tokens measured (src/index.ts): name, arguments and 3.
 * The wrapper as written here is what the model wrote: the responses that made parallel calls record completion
 * tokens of exactly this text plus 4, as single calls do. The answers to a parallel call are billed as one message
 * (openaiParallelAnswers.ts).
 */

/** How the request renders calls: chat completions, harmony (reasoning models), or /v1/responses on other models. */
export type CallFormat = 'chat' | 'harmony' | 'responses';
const CALL_MESSAGE_TOKENS: Record<CallFormat, number> = { chat: 2, harmony: 8, responses: 0 };
const LEGACY_CALL_TOKENS = 3;
/** A `tool` message's author costs its name plus this, in place of the role `tool` (see above). */
export const TOOL_AUTHOR_TOKENS = 1;

export interface Call {
  /** Who the call is addressed to: `functions.NAME`, or `NAMESPACE.NAME` for a function of a namespace. */
  recipient: string;
  arguments: string;
  /** A /v1/responses `function_call` item sent back with its `id` (openaiResponsesInput.ts). */
  stored: boolean;
}

/**
 * The recipient of a call. A /v1/responses `function_call` item may carry a `namespace` (calls to tools that an
 * `additional_tools` item added): harmony addresses a tool as `{namespace}.{name}`, `functions` being the namespace
 * of function tools (OpenAI cookbook, articles/openai-harmony.md: `to=functions.get_weather`, `browser.search`).
 * Written so, and the answer authored by `{namespace}.{name}`, such calls cost 7 more each than the same calls
 * without a namespace, which is what the recorded counts show (test_cross_provider_capability_replay, 3 pairs of
 * requests that differ by one such call).
 */
function recipientOf(fn: Record<string, unknown>): string {
  const name = String(fn.name ?? '');
  return typeof fn.namespace === 'string' && fn.namespace ? `${fn.namespace}.${name}` : `functions.${name}`;
}

function callsOf(message: Record<string, unknown>): Call[] {
  if (!Array.isArray(message.tool_calls)) {
    return [];
  }
  return message.tool_calls.flatMap((call) => {
    const fn = isRecord(call) && isRecord(call.function) ? call.function : undefined;
    const stored = isRecord(call) && call.stored === true;
    return fn ? [{ recipient: recipientOf(fn), arguments: String(fn.arguments ?? ''), stored }] : [];
  });
}

/** The arguments as a JSON value for the parallel wrapper; text that does not parse stays text. */
function parameters(args: string): unknown {
  try {
    return JSON.parse(args) as unknown;
  } catch {
    return args;
  }
}

/**
 * The arguments of a single call as billed. Chat completions bills them re-serialized as compact JSON: arguments sent
 * with Python's `json.dumps` spacing (`{"value": "one"}`, crewAI's counting_tool and iterating_tool, Mirascope's,
 * openllmetry's) were over by what the spaces cost, and are exact so (openai-chat function calls 166 → 189 of 200; o3-mini's
 * test_agent_powered_by_new_o_model_family… 90 → 87 over). /v1/responses bills them as sent (Mirascope's compute_fib,
 * `{"n": 100}`: exact as sent, 1 under compacted; openaiResponsesCalls.ts). Measured 2026-11-28; text that does not
 * parse stays as sent.
 */
function billedArguments(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args));
  } catch {
    return args;
  }
}

/** Tokens the calls of an assistant message add to it (its role, content and per-message cost are counted apart). */
export function callTokens(
  message: Record<string, unknown>,
  counter: TextCounter,
  format: CallFormat = 'chat',
): number {
  let tokens = 0;
  const perMessage = CALL_MESSAGE_TOKENS[format];
  const calls = callsOf(message);
  if (format === 'responses') {
    tokens += responsesCallTokens(calls, counter);
  } else if (calls.length === 1) {
    tokens +=
      counter.count(` to=${calls[0].recipient}`) + counter.count(billedArguments(calls[0].arguments)) + perMessage;
  } else if (calls.length > 1) {
    const uses = calls.map((call) => ({
      recipient_name: call.recipient,
      parameters: parameters(call.arguments),
    }));
    tokens +=
      counter.count(' to=multi_tool_use.parallel') + counter.count(JSON.stringify({ tool_uses: uses })) + perMessage;
  }
  const legacy = message.function_call;
  if (isRecord(legacy)) {
    tokens +=
      LEGACY_CALL_TOKENS + counter.count(String(legacy.name ?? '')) + counter.count(String(legacy.arguments ?? ''));
  }
  return tokens;
}

/** The function name of each tool call id in the conversation, for the `tool` messages that answer them. */
export function callNames(messages: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (!isRecord(message) || !Array.isArray(message.tool_calls)) {
      continue;
    }
    for (const call of message.tool_calls) {
      if (isRecord(call) && typeof call.id === 'string' && isRecord(call.function)) {
        // A function of the `functions` namespace answers under its bare name (see authorTokens).
        const recipient = recipientOf(call.function);
        names.set(call.id, recipient.startsWith('functions.') ? recipient.slice('functions.'.length) : recipient);
      }
    }
  }
  return names;
}

/** The function a `tool` message answers, when its call is in the conversation: then that function is its author. */
export function answeringFunction(message: Record<string, unknown>, names: Map<string, string>): string | undefined {
  return message.role === 'tool' && typeof message.tool_call_id === 'string'
    ? names.get(message.tool_call_id)
    : undefined;
}

/**
 * Tokens of the author of a message: its role, or for a `tool` message whose call is known, that function. Such a
 * message's own `name` field (crewAI and openinference send the function's name there) is not billed: its author
 * already is the function (openaiRequestTokens.ts skips it). Measured 2026-11-28: crewAI's single calls (search_web,
 * multiply_numbers, failing_tool…) were over by exactly the name plus 1; openai-chat function calls 138 → 166 of 200
 * exact, among them logfire's test_litellm_instrumentation (its tool message named get_current_weather: 4 over → exact).
 */
export function authorTokens(
  message: Record<string, unknown>,
  names: Map<string, string>,
  counter: TextCounter,
): number {
  const name = answeringFunction(message, names);
  if (name) {
    return counter.count(name) + TOOL_AUTHOR_TOKENS;
  }
  return typeof message.role === 'string' ? counter.count(message.role) : 0;
}
