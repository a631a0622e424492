import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { enqueuedTokenLimit, partsForTokens, type EnqueuedTokenTable } from '../../../../src/core/split';

/** The defaults as package.json declares them: the one place they live. */
const DEFAULTS = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')).contributes
  .configuration.properties['geminiBatch.limits.enqueuedTokens'].default as EnqueuedTokenTable;

suite('enqueued-token limits', () => {
  test('the documented defaults: 2.5 Flash 3M / 400M / 1B, 2.5 Pro 5M at tier 1 (batch-api.md §1.5)', () => {
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier1', 'gemini-2.5-flash'), 3_000_000);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier2', 'models/gemini-2.5-flash'), 400_000_000);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier3', 'gemini-2.5-flash'), 1_000_000_000);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier1', 'gemini-2.5-pro'), 5_000_000);
  });

  test('versioned ids find their base, the longest name wins, unknown models and tiers claim no limit', () => {
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier1', 'gemini-2.5-flash-lite-001'), 10_000_000);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier1', 'gemini-2.5-flash-preview-09-2025'), 3_000_000);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier1', 'gemini-9-ultra'), undefined);
    assert.equal(enqueuedTokenLimit(DEFAULTS, 'tier3', 'gemini-2.0-flash'), undefined);
    assert.equal(enqueuedTokenLimit({ m: { tier1: 0 } }, 'tier1', 'm'), undefined);
  });

  test('parts needed for a token count', () => {
    assert.equal(partsForTokens(0, 10), 1);
    assert.equal(partsForTokens(10, 10), 1);
    assert.equal(partsForTokens(11, 10), 2);
  });
});
