type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function firstText(parts: unknown): string | undefined {
  if (typeof parts === 'string') {
    return parts;
  }
  if (!Array.isArray(parts)) {
    return undefined;
  }
  for (const part of parts) {
    if (typeof part === 'string') {
      return part;
    }
    if (isObj(part) && typeof part.text === 'string') {
      return part.text;
    }
  }
  return undefined;
}

/** The last element of `items` that is an object for which `isUser` holds. */
function lastUser(items: unknown[], isUser: (item: Obj) => boolean): Obj | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (isObj(item) && isUser(item)) {
      return item;
    }
  }
  return undefined;
}

/**
 * The user text a request's answer replies to, to show beside it: the last user turn, since in a conversation the
 * earlier ones are context (a review found the results view showing "capital of France?" beside the answer to "And
 * its population?"). Gemini `contents` (the last `user` or role-less Content) or an embedding's `content`; OpenAI chat
 * `messages`, a completion's `prompt`, responses' or embeddings' `input`. A whole input line (`{key, request}` or
 * `{custom_id, body}`) is unwrapped first. Undefined when there is none.
 */
export function promptText(request: unknown): string | undefined {
  if (!isObj(request)) {
    return typeof request === 'string' ? request : undefined;
  }
  const inner = [request.request, request.body].find(isObj) ?? request;
  if (Array.isArray(inner.contents)) {
    const user = lastUser(inner.contents, (c) => c.role === undefined || c.role === 'user');
    return user ? firstText(user.parts) : undefined;
  }
  if (isObj(inner.content)) {
    return firstText(inner.content.parts);
  }
  if (Array.isArray(inner.messages)) {
    const user = lastUser(inner.messages, (m) => m.role === 'user');
    return user ? firstText(user.content) : undefined;
  }
  const input = inner.prompt ?? inner.input;
  if (typeof input === 'string') {
    return input;
  }
  if (Array.isArray(input)) {
    const first = input[0];
    if (typeof first === 'string') {
      return first;
    }
    // Responses input items: the last user message.
    const user = lastUser(input, (item) => item.role === 'user');
    return user ? firstText(user.content) : undefined;
  }
  return undefined;
}
