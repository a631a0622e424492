import * as assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../../../src/emulator/http/httpUtil';
import { RequestGuard } from '../../../../src/emulator/http/requestGuard';
import { isErrorShape, rawRequest, withEmulator } from '../helpers';

/** The status `guard` answers for a request with these headers (0: let through). */
function verdict(guard: RequestGuard, headers: Record<string, string>, target = '/v1beta/files'): number {
  const absolute = !target.startsWith('/');
  try {
    guard.check({ headers } as unknown as IncomingMessage, new URL(absolute ? target : `http://x${target}`), absolute);
    return 0;
  } catch (e) {
    return (e as HttpError).status;
  }
}

suite('emulator: RequestGuard', () => {
  test('bound to a wildcard address, address literals and the machine name pass; other names do not', () => {
    const guard = new RequestGuard('0.0.0.0', 8080);
    assert.equal(verdict(guard, { host: '192.168.1.5:8080' }), 0);
    assert.equal(verdict(guard, { host: '[fe80::1]:8080' }), 0);
    assert.equal(verdict(guard, { host: 'localhost:8080', origin: 'http://192.168.1.5:8080' }), 0);
    assert.equal(verdict(guard, { host: 'rebind.example:8080' }), 403);
    assert.equal(verdict(guard, { host: '192.168.1.5:8081' }), 403);
  });

  test('bound to loopback, only loopback names; an absolute-form target must name it too', () => {
    const guard = new RequestGuard('127.0.0.1', 80);
    assert.equal(verdict(guard, { host: 'localhost' }), 0, 'port 80 may be left out');
    assert.equal(verdict(guard, { host: '192.168.1.5' }), 403);
    assert.equal(verdict(guard, { host: 'localhost' }, 'http://evil.example/v1beta/files'), 403);
    assert.equal(verdict(guard, { host: 'localhost' }, 'http://127.0.0.1/v1beta/files'), 0);
    assert.equal(verdict(guard, { host: 'localhost', origin: 'http://localhost' }), 0);
    assert.equal(verdict(guard, { host: 'localhost', origin: 'http://localhost/' }), 403);
    assert.equal(verdict(guard, { host: 'localhost', 'sec-fetch-site': 'same-site' }), 403);
    assert.equal(verdict(guard, { host: 'localhost', 'sec-fetch-site': 'none' }), 0);
    assert.equal(verdict(guard, {}), 400);
  });

  test('bound to a name given with --host, that name passes', () => {
    const guard = new RequestGuard('myhost.lan', 9000);
    assert.equal(verdict(guard, { host: 'MYHOST.lan:9000' }), 0);
    assert.equal(verdict(guard, { host: '10.0.0.2:9000' }), 403);
  });
});

/** A raw request with the given Host and extra header lines. */
function request(method: string, target: string, host: string, extra: string[] = [], body = ''): string {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    `Host: ${host}`,
    ...extra,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

suite('emulator: only its own clients (Host and Origin checks)', () => {
  const env = withEmulator({}, 'guard');

  test('a cross-origin "simple" POST to /emulator/faults is refused and changes nothing', async () => {
    const port = env.emu.port;
    const text = ['Content-Type: text/plain'];
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const answer = await rawRequest(
        port,
        request('POST', '/emulator/faults', `127.0.0.1:${port}`, [...text, `Origin: ${origin}`], '{"rate500":1}'),
      );
      assert.equal(answer.status, 403, origin);
      assert.ok(isErrorShape(answer.body, 403), answer.body);
    }
    const nav = await rawRequest(
      port,
      request(
        'POST',
        '/emulator/faults',
        `127.0.0.1:${port}`,
        [...text, 'Sec-Fetch-Site: cross-site'],
        '{"rate500":1}',
      ),
    );
    assert.equal(nav.status, 403);
    const faults = (await (await fetch(`${env.emu.baseUrl}/emulator/faults`)).json()) as { faults: object };
    assert.deepEqual(faults.faults, {});
    // The emulator's own origin (a page it served, or a tool that sets it) is fine.
    const own = await rawRequest(
      port,
      request('POST', '/emulator/faults', `127.0.0.1:${port}`, [...text, `Origin: http://localhost:${port}`], '{}'),
    );
    assert.equal(own.status, 200);
  });

  test('a Host other than the bound address (DNS rebinding) is refused; 127.0.0.1, localhost and [::1] are served', async () => {
    const port = env.emu.port;
    const key = ['x-goog-api-key: k'];
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      `user@127.0.0.1:${port}`,
    ]) {
      const answer = await rawRequest(port, request('GET', '/v1beta/files', host, key));
      assert.equal(answer.status, 403, host);
      assert.ok(isErrorShape(answer.body, 403), answer.body);
    }
    const noHost = await rawRequest(port, 'GET /v1beta/files HTTP/1.0\r\nx-goog-api-key: k\r\n\r\n');
    assert.equal(noHost.status, 400);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      assert.equal((await rawRequest(port, request('GET', '/v1beta/files', host, key))).status, 200, host);
    }
  });

  test('the official SDKs (which send no Origin) still work', async () => {
    assert.deepEqual((await env.genai().files.list()).page, []);
    assert.deepEqual((await env.openai('/v1/').files.list()).data, []);
  });
});
