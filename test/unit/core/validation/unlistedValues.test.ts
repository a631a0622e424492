import * as assert from 'node:assert/strict';
import { validateLine } from '../../../../src/core/validation';
import { paramOf } from './paramOf';

const gemini = (role: string): string =>
  JSON.stringify({ key: 'a', request: { contents: [{ role, parts: [{ text: 'x' }] }] } });
const video = (body: Record<string, unknown>): string =>
  JSON.stringify({
    custom_id: 'a',
    method: 'POST',
    url: '/v1/videos',
    body: { model: 'sora-2', prompt: 'x', ...body },
  });
const found = (issues: ReturnType<typeof validateLine>): string[][] =>
  issues.map((i) => [i.severity, i.code, i.path ?? '', String(paramOf(i, 'hint') ?? '')]);

suite('validation: values the service runs though the schema does not list them', () => {
  test('role `function` (the cookbook REST notebooks send it) is a warning; another unknown role stays an error', () => {
    assert.deepEqual(found(validateLine('gemini-generate', gemini('function'), 0)), [
      ['warning', 'invalid-value', '/request/contents/0/role', 'legacy-role'],
    ]);
    assert.deepEqual(
      found(validateLine('gemini-generate', gemini('bot'), 0)).map((f) => f[0]),
      ['error'],
    );
  });

  test('a video size or duration outside the spec enum is a warning; a wrong type there stays an error', () => {
    assert.deepEqual(
      found(validateLine('openai', video({ size: '1920x1080', seconds: '20' }), 0)).map((f) =>
        f.slice(0, 2).concat(f[3]),
      ),
      [
        ['warning', 'invalid-value', 'model-dependent'],
        ['warning', 'invalid-value', 'model-dependent'],
      ],
    );
    assert.deepEqual(
      found(validateLine('openai', video({ size: 1920 }), 0)).map((f) => f[0]),
      ['error'],
    );
  });
});
