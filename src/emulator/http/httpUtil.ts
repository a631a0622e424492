import type { IncomingMessage, ServerResponse } from 'node:http';

/** The google.rpc.Code names the emulator answers with, keyed by HTTP status. */
const RPC_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID_ARGUMENT',
  409: 'ALREADY_EXISTS',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** OpenAI's error `type` per HTTP status. */
const OPENAI_TYPE: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'rate_limit_error',
  500: 'server_error',
  503: 'server_error',
};

/** An HTTP error a handler throws; the server renders it in the caller's API style. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** OpenAI `code` / `param` (ignored in Gemini style). */
    readonly openai: { code?: string | null; param?: string | null } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type ErrorStyle = 'gemini' | 'openai';

export function rpcStatusName(status: number): string {
  return RPC_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
}

/** The body of an error in each API's own shape. */
export function errorBody(
  style: ErrorStyle,
  status: number,
  message: string,
  openai: HttpError['openai'] = {},
): unknown {
  if (style === 'openai') {
    return {
      error: {
        message,
        type: OPENAI_TYPE[status] ?? 'invalid_request_error',
        param: openai.param ?? null,
        code: openai.code ?? null,
      },
    };
  }
  return { error: { code: status, message, status: rpcStatusName(status) } };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, style: ErrorStyle, err: HttpError): void {
  sendJson(res, err.status, errorBody(style, err.status, err.message, err.openai), err.headers);
}

/** The real service's cap on a whole request (inline batches included). */
export const MAX_REQUEST_BYTES = 20 * 1024 * 1024;

/** Reads a JSON body of at most `limit` bytes; an empty body is `{}`. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new HttpError(400, `Request payload size exceeds the limit: ${limit} bytes.`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `Invalid JSON payload received. ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Invalid JSON payload received. Expected an object.');
  }
  return value as Record<string, unknown>;
}

/** Drains a request body we do not need, so keep-alive connections stay usable. */
export async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req as AsyncIterable<Buffer>) {
    // discard
  }
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** RFC 3339 with microseconds, like the real service. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
