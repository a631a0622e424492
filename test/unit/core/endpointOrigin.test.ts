import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { foreignOrigin, hostOf, originOf } from '../../../src/core/endpointOrigin';

suite('endpointOrigin', () => {
  test("the same origin with another path is the user's own host", () => {
    assert.equal(
      foreignOrigin('https://generativelanguage.googleapis.com/', 'https://generativelanguage.googleapis.com'),
      undefined,
    );
    assert.equal(foreignOrigin('https://api.openai.com/v2', 'https://api.openai.com/v1'), undefined);
  });

  test('another host, port or scheme is foreign, named by its origin', () => {
    assert.equal(foreignOrigin('https://evil.example/v1', 'https://api.openai.com/v1'), 'https://evil.example');
    assert.equal(foreignOrigin('http://127.0.0.1:8080', 'http://127.0.0.1:9090'), 'http://127.0.0.1:8080');
    assert.equal(foreignOrigin('http://api.openai.com/v1', 'https://api.openai.com/v1'), 'http://api.openai.com');
  });

  test("a value that is no http(s) URL is foreign unless it is the user's own text", () => {
    assert.equal(foreignOrigin('not a url', 'https://api.openai.com/v1'), 'not a url');
    assert.equal(foreignOrigin('  ', '  '), undefined);
    assert.equal(originOf('file:///etc/passwd'), undefined);
  });

  test('the dialog names the host with its port', () => {
    assert.equal(hostOf('http://127.0.0.1:8080'), '127.0.0.1:8080');
    assert.equal(hostOf('weird'), 'weird');
  });

  test("any pair of strings: never throws, and a foreign answer is never the user's own origin", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), fc.oneof(fc.string(), fc.webUrl()), (effective, user) => {
        const foreign = foreignOrigin(effective, user);
        if (foreign !== undefined && originOf(user) !== undefined) {
          assert.notEqual(foreign, originOf(user));
        }
        assert.equal(foreignOrigin(user, user), undefined);
        hostOf(foreign ?? effective);
      }),
    );
  });
});
