import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isWrittenResultsName, joinedNameFor, kindToValidate } from '../../../../src/core/jobs/resultFileNames';

/** A file-name stem as `stemFor` makes one (an input's name, or a job id with odd characters replaced). */
const stem = fc.stringMatching(/^[\w.-]{1,30}$/);

suite('result file names', () => {
  test('the names the results feature writes are recognised, in any folder and either separator', () => {
    for (const name of [
      'greetings.results.jsonl',
      'greetings.results-1.jsonl',
      'greetings.results-12.jsonl',
      'chat.errors.jsonl',
      'chat.errors-2.jsonl',
      'greetings.joined.jsonl',
      'greetings-1.joined.jsonl',
      '/home/u/work/batch-results/greetings.results.jsonl',
      'C:\\work\\batch-results\\chat.errors.jsonl',
      'GREETINGS.RESULTS.JSONL',
    ]) {
      assert.equal(isWrittenResultsName(name), true, name);
    }
  });

  test('the joined file is named for the input, whether it joins a results or an errors file (OpenAI, all failed)', () => {
    assert.equal(joinedNameFor('/w/batch-results/chat.results.jsonl'), '/w/batch-results/chat.joined.jsonl');
    assert.equal(joinedNameFor('/w/batch-results/chat.errors.jsonl'), '/w/batch-results/chat.joined.jsonl');
    assert.equal(joinedNameFor('/w/batch-results/chat.errors-2.jsonl'), '/w/batch-results/chat-2.joined.jsonl');
    assert.equal(joinedNameFor('C:\\w\\chat.results-1.jsonl'), 'C:\\w\\chat-1.joined.jsonl');
    assert.equal(joinedNameFor('/w/mine.jsonl'), '/w/mine.joined.jsonl');
    assert.ok(isWrittenResultsName(joinedNameFor('/w/chat.errors.jsonl')));
  });

  test('input files and look-alikes are not', () => {
    for (const name of [
      'greetings.jsonl',
      'results.jsonl',
      'openai-results.jsonl',
      'errors.jsonl',
      'joined.jsonl',
      'greetings.results.json',
      'greetings.results.jsonl.bak',
      'greetings.results-a.jsonl',
      'greetings.results-.jsonl',
      '/work/x.results.jsonl/input.jsonl',
      'greetings.joined-1.jsonl',
    ]) {
      assert.equal(isWrittenResultsName(name), false, name);
    }
  });

  test("property: every name built from a stem is recognised; the stem's own input name is not", () => {
    fc.assert(
      fc.property(stem, fc.nat({ max: 999 }), (s, n) => {
        for (const written of [
          `${s}.results.jsonl`,
          `${s}.results-${n}.jsonl`,
          `${s}.errors.jsonl`,
          `${s}.errors-${n}.jsonl`,
          `${s}.joined.jsonl`,
        ]) {
          assert.equal(isWrittenResultsName(`/folder/${written}`), true, written);
        }
        const input = `${s}.jsonl`;
        assert.equal(isWrittenResultsName(input), /\.(results|errors)(-\d+)?$|\.joined$/i.test(s), input);
      }),
    );
  });

  test('kindToValidate: a per-file kind wins; the setting applies to input files but never to written results', () => {
    assert.equal(kindToValidate('/w/a.jsonl', undefined, 'openai'), 'openai');
    assert.equal(kindToValidate('/w/a.jsonl', undefined, 'auto'), 'auto');
    assert.equal(kindToValidate('/w/a.jsonl', 'gemini-embed', 'openai'), 'gemini-embed');
    assert.equal(kindToValidate('/w/a.results.jsonl', undefined, 'gemini-generate'), 'auto');
    assert.equal(kindToValidate('/w/a.joined.jsonl', undefined, 'openai'), 'auto');
    assert.equal(kindToValidate('/w/a.errors-1.jsonl', undefined, 'openai'), 'auto');
    assert.equal(kindToValidate('/w/a.results.jsonl', 'gemini-generate', 'openai'), 'gemini-generate');
  });
});
