import * as assert from 'node:assert/strict';
import { isErrorShape, rawRequest, withEmulator } from './helpers';

/** A raw request with the given Host and extra header lines. */
function request(method: string, target: string, host: string, extra: string[] = [], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...extra, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

suite('emulator: only its own clients (Host and Origin checks)', () => {
  const env = withEmulator({}, 'guard');

  test('a cross-origin "simple" POST to /emulator/faults is refused and changes nothing', async () => {
    const port = env.emu.port;
    const text = ['Content-Type: text/plain'];
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      const answer = await rawRequest(port, request('POST', '/emulator/faults', `127.0.0.1:${port}`, [...text, `Origin: ${origin}`], '{"rate500":1}'));
      assert.equal(answer.status, 403, origin);
      assert.ok(isErrorShape(answer.body, 403), answer.body);
    }
    const nav = await rawRequest(port, request('POST', '/emulator/faults', `127.0.0.1:${port}`, [...text, 'Sec-Fetch-Site: cross-site'], '{"rate500":1}'));
    assert.equal(nav.status, 403);
    const faults = (await (await fetch(`${env.emu.baseUrl}/emulator/faults`)).json()) as { faults: object };
    assert.deepEqual(faults.faults, {});
    // The emulator's own origin (a page it served, or a tool that sets it) is fine.
    const own = await rawRequest(port, request('POST', '/emulator/faults', `127.0.0.1:${port}`, [...text, `Origin: http://localhost:${port}`], '{}'));
    assert.equal(own.status, 200);
  });

  test('a Host other than the bound address (DNS rebinding) is refused; 127.0.0.1, localhost and [::1] are served', async () => {
    const port = env.emu.port;
    const key = ['x-goog-api-key: k'];
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, `user@127.0.0.1:${port}`]) {
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
