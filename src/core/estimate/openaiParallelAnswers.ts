import { isRecord } from './requestCount';

/**
 * The `tool` messages that answer a parallel call, as OpenAI chat bills them: one message authored by
 * `multi_tool_use.parallel` (the wrapper the parallel call itself is written as, openaiCallTokens.ts), whose content is
 * the list of the answers written as Python's `json.dumps` writes it (`", "` and `": "` separators), each answer
 * parsed as JSON where it parses. The answers' own authors, names and per-message tokens are not billed.
 * Evidence (2026-11-28, recordings of chat requests with 2+ tool_calls in one assistant message): pydantic-ai's
 * complex-agent runs (test_dbos, test_prefect, test_temporal at 4fda389; 9 counts, each 1 over when the answers are
 * billed one by one) are exact this way, and so are test_dbos_agent_with_hitl_tool's (where both ways give the same
 * count); of 120 more parallel requests (open-telemetry/opentelemetry-python-contrib, elastic-otel, Mirascope,
 * openinference, crewAI, pydantic-ai's history) with a non-parallel request of the same recording, 102 are off by
 * exactly what that sibling is off by, where billing the answers one by one is off by −8 to +27.
 * Non-ASCII text in the answers: recordings up to 2026-02 bill it `\u`-escaped, later ones (crewAI on gpt-4o) raw;
 * the later form is kept. Chat completions only: harmony (reasoning models) and /v1/responses are unmeasured.
 */
export const PARALLEL_AUTHOR = 'multi_tool_use.parallel';

/** Past this nesting an answer is billed as its text: the rendering below recurses. */
const MAX_DEPTH = 64;

function pythonJson(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw new RangeError('too deep');
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => pythonJson(item, depth + 1)).join(', ')}]`;
  }
  if (isRecord(value)) {
    const fields = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item, depth + 1)}`);
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function answerText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (Array.isArray(content)) {
    return content.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

function parsedAnswer(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The list of answers as it is billed; an answer too deep to render is billed as its text. */
function mergedContent(answers: Record<string, unknown>[]): string {
  const items = answers.map((answer) => {
    const text = answerText(answer.content);
    try {
      return pythonJson(parsedAnswer(text), 0);
    } catch {
      return JSON.stringify(text);
    }
  });
  return `[${items.join(', ')}]`;
}

/**
 * For each parallel call of `messages`, its answers: the first answer maps to the merged content to bill in its
 * place, the others to `undefined` (billed nothing). Messages not in the map are billed as they are. Two passes, so a
 * long conversation costs its length, not its length times its parallel calls.
 */
export function parallelAnswers(messages: unknown[]): Map<unknown, string | undefined> {
  const groupOf = new Map<unknown, number>();
  let groups = 0;
  for (const message of messages) {
    if (isRecord(message) && Array.isArray(message.tool_calls) && message.tool_calls.length > 1) {
      for (const call of message.tool_calls) {
        if (isRecord(call) && typeof call.id === 'string' && !groupOf.has(call.id)) {
          groupOf.set(call.id, groups);
        }
      }
      groups++;
    }
  }
  const answers = new Map<number, Record<string, unknown>[]>();
  for (const message of messages) {
    const group = isRecord(message) && message.role === 'tool' ? groupOf.get(message.tool_call_id) : undefined;
    if (group !== undefined && isRecord(message)) {
      const list = answers.get(group);
      if (list) {
        list.push(message);
      } else {
        answers.set(group, [message]);
      }
    }
  }
  const merged = new Map<unknown, string | undefined>();
  for (const group of answers.values()) {
    group.forEach((answer, index) => merged.set(answer, index === 0 ? mergedContent(group) : undefined));
  }
  return merged;
}
