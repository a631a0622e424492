import type { TextCounter } from '../tokens/textCounter';
import { isRecord } from './requestCount';

/**
 * The `multi_tool_use` namespace that declares the wrapper a model writes for parallel calls
 * (`multi_tool_use.parallel`, see openaiCallTokens.ts). OpenAI does not publish it; this is its text as it appears,
 * word for word, in system prompts of GPT-4o and GPT-4.1 deployments that have leaked and been published (for
 * instance the Cursor GPT-4.1 prompt, and MeetKai/functionary's prompt template, which copies it to imitate OpenAI).
 */
const MULTI_TOOL_USE = `

## multi_tool_use

// This tool serves as a wrapper for utilizing multiple tools. Each tool that can be used must be specified in the tool sections. Only tools in the functions namespace are permitted.
// Ensure that the parameters provided to each tool are valid according to that tool's specification.
namespace multi_tool_use {

// Use this function to run multiple tools simultaneously, but only if they can operate in parallel. Do this even if the prompt suggests using the tools sequentially.
type parallel = (_: {
// The tools to be executed in parallel. NOTE: only functions tools are permitted
tool_uses: {
// The name of the tool to use. The format should either be just the name of the tool, or in the format namespace.function_name for plugin and function tools.
recipient_name: string,
// The parameters to pass to the tool. Ensure these are valid according to the tool's own specifications.
parameters: object,
}[],
}) => any;

} // namespace multi_tool_use`;

/** Whether an assistant message of the conversation made several calls at once. */
export function hasParallelCalls(messages: unknown[]): boolean {
  return messages.some((m) => isRecord(m) && Array.isArray(m.tool_calls) && m.tool_calls.length > 1);
}

/**
 * Tokens of the `multi_tool_use` declaration, which /v1/responses bills on gpt-4o when its input holds parallel
 * calls: test_openai_responses_model_retry (two calls in one turn) is 200 over the rest of its count, this text 195
 * (the 5 left are unexplained). Chat completions does not bill it: its recorded parallel calls (test_dbos_agent_with_
 * hitl_tool and two others) are exact without it. Reasoning models: no recorded count, not applied.
 */
export function parallelToolTokens(counter: TextCounter): number {
  return counter.count(MULTI_TOOL_USE);
}
