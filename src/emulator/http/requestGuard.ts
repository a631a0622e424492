import { hostname as machineName } from 'node:os';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { HttpError, header } from './httpUtil';

const WILDCARDS = ['0.0.0.0', '::', '[::]'];

/** `::1` → `[::1]`, lowercased: the form a URL's `hostname` takes. */
function urlHostname(host: string): string {
  const h = host.toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

/**
 * Refuses requests that do not come from a client of this machine's emulator: a `Host` other than the address the
 * emulator is bound to (a DNS-rebinding page reaches 127.0.0.1 under its own name, so its `Host` is that name), and
 * any `Origin` or `Sec-Fetch-Site` that says a web page of another origin sent it (a "simple" cross-origin POST is
 * sent without a preflight, so it would otherwise change state). The official SDKs and the extension run in Node and
 * send no `Origin` (undici sends `sec-fetch-mode` only).
 */
export class RequestGuard {
  private readonly names: Set<string>;
  private readonly anyIp: boolean;

  constructor(
    boundHost: string,
    private readonly port: number,
  ) {
    const bound = urlHostname(boundHost);
    this.anyIp = WILDCARDS.includes(bound);
    this.names = new Set(['127.0.0.1', 'localhost', '[::1]', bound]);
    if (this.anyIp) {
      // Bound to every interface on request: the machine's own name and any address literal reach it legitimately.
      this.names.add(machineName().toLowerCase());
    }
  }

  /** True when `authority` (`host[:port]`) names this emulator. */
  private isOwn(authority: string): boolean {
    let url: URL;
    try {
      url = new URL(`http://${authority}`);
    } catch {
      return false;
    }
    if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      return false;
    }
    const port = url.port === '' ? 80 : Number(url.port);
    const name = url.hostname;
    const ipLiteral = isIP(name.replace(/^\[|\]$/g, '')) !== 0;
    return port === this.port && (this.names.has(name) || (this.anyIp && ipLiteral));
  }

  /** Throws 400 (no `Host`) or 403 (a foreign `Host`, origin or absolute-form target). */
  check(req: IncomingMessage, target: URL, absoluteForm: boolean): void {
    const host = header(req, 'host');
    if (host === undefined || host === '') {
      throw new HttpError(400, 'The request has no Host header.');
    }
    if (!this.isOwn(host) || (absoluteForm && (target.protocol !== 'http:' || !this.isOwn(target.host)))) {
      throw new HttpError(
        403,
        `Host '${host}' is not this emulator's address (127.0.0.1:${this.port}, localhost:${this.port} or [::1]:${this.port}).`,
      );
    }
    const origin = header(req, 'origin');
    if (origin !== undefined && !this.isOwnOrigin(origin)) {
      throw new HttpError(
        403,
        `Requests from web pages of another origin (${origin}) are refused: the emulator serves local clients only.`,
      );
    }
    const site = header(req, 'sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      throw new HttpError(
        403,
        'Requests from web pages of another origin are refused: the emulator serves local clients only.',
      );
    }
  }

  private isOwnOrigin(origin: string): boolean {
    const m = /^http:\/\/([^/]+)$/i.exec(origin.trim());
    return m !== null && this.isOwn(m[1]);
  }
}
