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

/**
 * The first user text of a request, to show beside its answer: Gemini `contents` (the first `user` or role-less
 * Content) or an embedding's `content`; OpenAI chat `messages`, a completion's `prompt`, responses' or embeddings'
 * `input`. A whole input line (`{key, request}` or `{custom_id, body}`) is unwrapped first. Undefined when there is none.
 */
export function promptText(request: unknown): string | undefined {
  if (!isObj(request)) {
    return typeof request === 'string' ? request : undefined;
  }
  const inner = [request.request, request.body].find(isObj) ?? request;
  if (Array.isArray(inner.contents)) {
    const user = inner.contents.find((c) => isObj(c) && (c.role === undefined || c.role === 'user'));
    return isObj(user) ? firstText(user.parts) : undefined;
  }
  if (isObj(inner.content)) {
    return firstText(inner.content.parts);
  }
  if (Array.isArray(inner.messages)) {
    const user = inner.messages.find((m) => isObj(m) && m.role === 'user');
    return isObj(user) ? firstText(user.content) : undefined;
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
    if (isObj(first)) {
      return firstText(first.content);
    }
  }
  return undefined;
}
