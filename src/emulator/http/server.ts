import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Call, EmulatorContext } from './context';
import { parseFaults, type InjectedFault } from '../faults';
import { HttpError, drain, errorBody, header, readJsonBody, sendError, sendJson, type ErrorStyle } from './httpUtil';
import type { RequestGuard } from './requestGuard';
import { findHandler } from './routes';
import { surfaceOf, type Surface } from './surface';

function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Gemini takes `x-goog-api-key` or `?key=`; OpenAI (and the compat layer) `Authorization: Bearer`. Any non-empty key is accepted. */
function checkAuth(call: Call, surface: Surface): void {
  const bearer = /^bearer\s+(\S+)/i.exec(header(call.req, 'authorization') ?? '')?.[1];
  const googKey = header(call.req, 'x-goog-api-key') || call.url.searchParams.get('key') || undefined;
  if (surface === 'gemini' && !googKey) {
    throw new HttpError(
      403,
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    );
  }
  if (surface !== 'gemini' && !bearer && !googKey) {
    throw new HttpError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      {},
      { code: 'missing_api_key' },
    );
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** The message of each injected fault's status. */
const FAULT_MESSAGES: Readonly<Record<NonNullable<InjectedFault>['status'], string>> = {
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/** The admin endpoint `/emulator/faults` (GET reads, POST replaces): no auth, the server is loopback. */
async function admin(ctx: EmulatorContext, call: Call): Promise<void> {
  const from = call.req.socket.remoteAddress ?? '';
  if (!/^(127\.|::1$|::ffff:127\.)/.test(from)) {
    throw new HttpError(403, 'The emulator admin endpoints answer loopback callers only.');
  }
  if (call.segments[1] === 'faults' && call.req.method === 'POST') {
    let faults;
    try {
      faults = parseFaults(await readJsonBody(call.req, 64 * 1024));
    } catch (e) {
      throw e instanceof HttpError ? e : new HttpError(400, (e as Error).message);
    }
    ctx.faults.set(faults);
    sendJson(call.res, 200, { faults });
  } else if (call.segments[1] === 'faults' && call.req.method === 'GET') {
    sendJson(call.res, 200, { faults: ctx.faults.current });
  } else if (call.segments[1] === 'health') {
    sendJson(call.res, 200, { ok: true });
  } else {
    throw new HttpError(404, 'Unknown emulator admin path.');
  }
}

/**
 * The request-target as a URL. Origin-form (`/path?q`) is read as a path even when it starts with `//`, which
 * `new URL(target, base)` would take for a host (`//[` then throws); absolute-form (`http://host/path`) is parsed as
 * it is. Anything else (`*`, garbage) is a 400.
 */
function parseTarget(target: string): { url: URL; absoluteForm: boolean } {
  try {
    return target.startsWith('/')
      ? { url: new URL(`http://emulator.local${target}`), absoluteForm: false }
      : { url: new URL(target), absoluteForm: true };
  } catch {
    throw new HttpError(400, 'Invalid request target.');
  }
}

/**
 * The data step of a resumable upload (a POST to the `x-goog-upload-url`) needs no key, as on the real service: the
 * URL's `upload_id` authorises it (reference batch-api.md, "Uploads: the data step ... carries no key in the
 * official REST example; the URL itself authorises it").
 */
function isUploadDataStep(call: Call): boolean {
  return call.segments[0] === 'upload' && call.url.searchParams.has('upload_id');
}

/**
 * Handles one request end to end; logs `METHOD /path STATUS Nms` (the path only: a `?key=` never reaches the log).
 * Never rejects: every failure, a malformed request-target included, becomes an answer in the documented error shape.
 */
export async function handle(
  ctx: EmulatorContext,
  guard: RequestGuard,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  let logPath = '(invalid target)';
  res.on('close', () =>
    log(
      `${req.method} ${logPath} ${res.statusCode}${res.writableFinished ? '' : ' (aborted)'} ${Date.now() - started}ms`,
    ),
  );
  let style: ErrorStyle = 'gemini';
  try {
    const { url, absoluteForm } = parseTarget(req.url ?? '/');
    logPath = url.pathname;
    const call: Call = {
      req,
      res,
      url,
      segments: splitPath(url.pathname),
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
    };
    guard.check(req, url, absoluteForm);
    if (call.segments[0] === 'emulator') {
      await admin(ctx, call);
      return;
    }
    const surface = surfaceOf(call);
    style = surface === 'gemini' ? 'gemini' : 'openai';
    if (ctx.faults.latencyMs > 0) {
      await sleep(ctx.faults.latencyMs);
    }
    if (!isUploadDataStep(call)) {
      checkAuth(call, surface);
    }
    const handler = findHandler(ctx, call, surface);
    if (!handler) {
      throw new HttpError(404, `Not found: ${req.method} ${url.pathname}`);
    }
    // Faults are decided before the handler runs, so an injected error never leaves a half-made job.
    const fault = ctx.faults.pick();
    if (fault) {
      await drain(req);
      const retry: Record<string, string> =
        fault.status === 429 ? { 'retry-after': String(ctx.faults.retryAfterSeconds) } : {};
      throw new HttpError(fault.status, FAULT_MESSAGES[fault.status], retry, {
        code: fault.status === 429 ? 'rate_limit_exceeded' : null,
      });
    }
    await handler();
  } catch (e) {
    const err = e instanceof HttpError ? e : new HttpError(500, 'Internal error encountered.');
    if (!(e instanceof HttpError)) {
      log(`internal error on ${req.method} ${logPath}: ${(e as Error)?.stack ?? String(e)}`);
    }
    if (res.headersSent) {
      res.destroy();
    } else if (!res.destroyed) {
      try {
        sendError(res, style, err);
      } catch {
        res.destroy(); // e.g. a header value the client sent back is not sendable: close rather than throw
      }
    }
  }
}

/**
 * Answers a request Node's HTTP parser refused (a bad request line or header) in the documented error shape, instead
 * of Node's bare `400 Bad Request`; a socket that cannot take an answer any more is just closed.
 */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'Request header fields too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request was not received in time.'],
};

export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', 'Malformed HTTP request.'];
  const body = JSON.stringify(errorBody('gemini', status, message));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
