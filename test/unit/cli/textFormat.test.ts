import * as assert from 'node:assert/strict';
import { count, num } from '../../../src/cli/textFormat';

suite('cli: text numbers and counts', () => {
  test('thousands separated; the singular for exactly one', () => {
    assert.equal(num(1234567), '1,234,567');
    assert.equal(num(999), '999');
    assert.equal(count(0, 'error'), '0 errors');
    assert.equal(count(1, 'error'), '1 error');
    assert.equal(count(2, 'error'), '2 errors');
    assert.equal(count(12345, 'request'), '12,345 requests');
    assert.equal(count(1, 'more row'), '1 more row');
  });
});
