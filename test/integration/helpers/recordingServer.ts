import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A loopback HTTP server standing in for a batch service (or a foreign host): it records every request and answers
 * `{}` (an empty Gemini or OpenAI list), so a listing against it ends in the `empty` state. `onRequest` fires per
 * request, so tests wait for the first one instead of sleeping.
 */
export class RecordingServer implements vscode.Disposable {
  readonly requests: SeenRequest[] = [];
  private readonly seen = new vscode.EventEmitter<SeenRequest>();
  readonly onRequest = this.seen.event;
  private readonly server = http.createServer((req, res) => {
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    this.requests.push(request);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
      this.seen.fire(request);
    });
  });

  /** Listens on a free loopback port; resolves with the base URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests that carried `key` in any header (x-goog-api-key, authorization: Bearer …). */
  carrying(key: string): SeenRequest[] {
    return this.requests.filter((r) => Object.values(r.headers).some((v) => String(v).includes(key)));
  }

  dispose(): void {
    this.server.closeAllConnections();
    this.server.close();
    this.seen.dispose();
  }
}
