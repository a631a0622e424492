import type { TextCounter } from '../tokens/textCounter';
import type { Call } from './openaiCallTokens';

/**
 * /v1/responses on gpt-4o, gpt-4o-mini and gpt-4.1 bills consecutive `function_call` items as assistant messages of
 * their own, each ` to=functions.NAME` and its arguments as sent, not as one `multi_tool_use.parallel` call, and
 * without the `multi_tool_use` declaration that the wrapper needs (the first message's cost is counted by the caller,
 * each further one is this plus its role). Measured 2026-11-28 on test/fixtures/tokens/published-counts.json:
 * Mirascope's test_call_with_tools (gpt-4o, two calls after "Use parallel tool calling.", 12 requests of 136) and
 * chatlas's test_chat_tool_request_reject and _reject2 (gpt-4.1, two calls, 140) were 211 over with the wrapper and
 * its declaration, and are exact so. The one recording that seemed to bill the declaration, pydantic-ai's
 * test_openai_responses_model_retry (gpt-4o, 335), is 216 under so, as are recordings without parallel calls at all
 * (pydantic-ai's test_openai_responses_stream, logfire's test_function_tool_exception of March 2025, whose logfire
 * sibling test_mcp, sent with `parallel_tool_calls: false`, is 21 under): what those bill is not known, and not
 * the input's parallel calls.
 */
const MESSAGE_TOKENS = 3;

/**
 * A `function_call` item sent back with the `id` the service gave it (a stored item, as the SDKs of Mirascope,
 * openai-agents and logfire send them) bills 3 more when it is the only call of its turn. Found on Mirascope's gpt-4o
 * and gpt-4o-mini requests (44 of them 3 under, such as test_async_context_response_resume_exports_mirascope_span,
 * 81), and held out from that: openllmetry's test_agent_with_handoff_spans (gpt-4.1, 57) and logfire's
 * test_responses_api (gpt-4.1, 43) go from 3 under to exact, and openllmetry's test_router_analytics_complete_workflow
 * (gpt-4o, one to four stored calls: 18, 21, 24 and 27 under) and test_recipe_agents_hierarchy (71, 74, 77 under)
 * to 15 and 68 under on every request, a gap of their own. The same calls sent without `id` are exact without it
 * (pydantic-ai's seven gpt-4o single calls, chatlas's four on gpt-4o-mini). Two stored calls of one turn bill
 * nothing more: Mirascope's test_call_with_tools above is exact so, 6 over with 3 each (one recording only).
 * Identical requests of one Mirascope recording were billed 213, 210 and 213
 * (test_structured_output_with_tools/tool, sync.yaml): a few tokens the request does not decide. Reasoning models
 * are counted as harmony, where no such cost shows (pydantic-ai's stored calls on gpt-5.2 and gpt-5.4).
 */
const STORED_CALL_TOKENS = 3;

/** Tokens the calls of one assistant message add to it on /v1/responses (gpt-4o, gpt-4.1). */
export function responsesCallTokens(calls: Call[], counter: TextCounter): number {
  if (calls.length === 0) {
    return 0;
  }
  const each = calls.reduce(
    (sum, call) => sum + counter.count(` to=${call.recipient}`) + counter.count(call.arguments),
    0,
  );
  const separate = (calls.length - 1) * (MESSAGE_TOKENS + counter.count('assistant'));
  return each + separate + (calls.length === 1 && calls[0].stored ? STORED_CALL_TOKENS : 0);
}
