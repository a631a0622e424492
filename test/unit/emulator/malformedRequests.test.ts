import * as assert from 'node:assert/strict';
import { isErrorShape, rawRequest, withEmulator } from './helpers';

/** A raw GET with `target` as the request-target and a valid Host. */
const get = (port: number, target: string, extra = ''): string =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`;

suite('emulator: malformed requests never stop the server', () => {
  const env = withEmulator({}, 'malformed');

  for (const target of [
    '//[',
    'http://[',
    '//a:99999/',
    '//%zz',
    '*',
    'http://127.0.0.1:1/v1beta/files',
    '/v1beta/files/%zz',
    '/%',
  ]) {
    test(`request-target ${JSON.stringify(target)} gets a 4xx in the error shape, and the server keeps answering`, async () => {
      const answer = await rawRequest(env.emu.port, get(env.emu.port, target, 'x-goog-api-key: k\r\n'));
      assert.ok(answer.status >= 400 && answer.status < 500, `status ${answer.status}: ${answer.headers}`);
      assert.ok(isErrorShape(answer.body, answer.status), answer.body);
      const after = await fetch(`${env.emu.baseUrl}/emulator/health`);
      assert.equal(after.status, 200);
    });
  }

  test('a request line or header Node cannot parse is answered 400 in the error shape', async () => {
    for (const bad of [
      'GET /\x01 HTTP/1.1\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${env.emu.port}\r\nBad Header\r\n\r\n`,
    ]) {
      const answer = await rawRequest(env.emu.port, bad);
      assert.equal(answer.status, 400, answer.headers);
      assert.ok(isErrorShape(answer.body, 400), answer.body);
    }
    assert.equal((await fetch(`${env.emu.baseUrl}/emulator/health`)).status, 200);
  });

  test("headers past Node's size limit get 431 in the error shape", async () => {
    const answer = await rawRequest(
      env.emu.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${env.emu.port}\r\nx-big: ${'a'.repeat(20000)}\r\n\r\n`,
    );
    assert.equal(answer.status, 431, answer.headers);
    assert.ok(isErrorShape(answer.body, 431), answer.body);
  });
});
