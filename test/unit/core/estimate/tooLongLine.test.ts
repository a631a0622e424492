import * as assert from 'node:assert/strict';
import { tooLongLineEstimate } from '../../../../src/core/estimate/tooLongLine';

const options = { assumedOutputTokens: 500 };

suite('estimate: a line too long to read', () => {
  test('its head tells the kind and the key; it is sized at 4 bytes a token, all of it approximate', () => {
    const gemini = tooLongLineEstimate(
      '{"key":"big-1","request":{"contents":[{"parts":[{"text":"aaaa',
      1001,
      7,
      options,
    );
    assert.deepEqual(gemini, {
      line: 7,
      key: 'big-1',
      provider: 'gemini',
      inputTokens: 251,
      outputTokens: 500,
      unknownMedia: 0,
      approximateTokens: 251,
    });
    const openai = tooLongLineEstimate('{"custom_id":"r-9","method":"POST","url":"/v1/chat', 400, 2, {
      ...options,
      model: 'gpt-4o-mini',
    });
    assert.equal(openai?.provider, 'openai');
    assert.equal(openai?.key, 'r-9');
    assert.equal(openai?.model, 'gpt-4o-mini');
    assert.equal(openai?.inputTokens, 100);
  });

  test('a head that shows no request gives no estimate; a key out of reach is left out', () => {
    assert.equal(tooLongLineEstimate('{"log":"xxxxxxxx', 10_000, 1, options), undefined);
    assert.equal(tooLongLineEstimate('not json at all', 10_000, 1, options), undefined);
    const unkeyed = tooLongLineEstimate('{"request":{"contents":"', 10_000, 1, options);
    assert.equal(unkeyed?.provider, 'gemini');
    assert.equal('key' in (unkeyed ?? {}), false);
  });
});
