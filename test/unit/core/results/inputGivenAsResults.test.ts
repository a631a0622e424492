import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { holdsInputLines } from '../../../../src/core/results/inputGivenAsResults';
import { tempDirs } from '../../helpers/tempDirs';

const JOBS = path.join(__dirname, '../../../fixtures/jobs');

suite('core: a batch input file given as results', () => {
  const tempDir = tempDirs('gbs-input-as-results-');
  let dir: string;
  setup(async () => {
    dir = await tempDir();
  });
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  test('input lines of either format are told from results, error files and joined files', async () => {
    assert.equal(await holdsInputLines(path.join(JOBS, 'openai-input-3.jsonl')), true);
    assert.equal(await holdsInputLines(path.join(JOBS, 'openai-batch-input-spec-example.jsonl')), true);
    const gemini = '{"key":"a","request":{"contents":[{"role":"user","parts":[{"text":"Hi"}]}]}}\n';
    assert.equal(await holdsInputLines(file('in.jsonl', gemini.repeat(3))), true);
    for (const results of [
      'gemini-batch-generate-output.jsonl',
      'gemini-batch-embeddings-output.jsonl',
      'gemini-error-lines.jsonl',
      'openai-batch-output-guide-example.jsonl',
      'openai-batch-error-expired-guide-example.jsonl',
    ]) {
      assert.equal(await holdsInputLines(path.join(JOBS, results)), false, results);
    }
    const joined = '{"line":1,"key":"a","request":{"contents":[]},"response":{"candidates":[]}}\n';
    assert.equal(await holdsInputLines(file('joined.jsonl', joined)), false);
    assert.equal(await holdsInputLines(file('empty.jsonl', '\n\n')), false);
  });

  test('a line of megabytes is judged by its head', async () => {
    const long = `{"key":"a","request":{"contents":[{"role":"user","parts":[{"text":"${'x'.repeat(3_000_000)}"}]}]}}\n`;
    assert.equal(await holdsInputLines(file('long.jsonl', long)), true);
  });
});
