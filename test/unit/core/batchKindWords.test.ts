import * as assert from 'node:assert/strict';
import { BATCH_KINDS } from '../../../src/core/batchKind';
import { kindName, kindRequests, kindWithArticle } from '../../../src/core/batchKindWords';

suite('batch kind words: one table for the validator, the submit check and the walkthrough', () => {
  test('each kind in the forms its places say it', () => {
    assert.deepEqual(
      BATCH_KINDS.map((kind) => [kindName(kind), kindWithArticle(kind), kindRequests(kind)]),
      [
        ['Gemini generateContent', 'a Gemini generateContent', 'Gemini generateContent requests'],
        ['Gemini embedContent', 'a Gemini embedContent', 'Gemini embedContent requests'],
        ['OpenAI', 'an OpenAI', 'OpenAI-format requests'],
      ],
    );
  });
});
