import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { messageFor, validateFile } from '../../../../src/core/validation';

const DIR = path.join(__dirname, '../../../fixtures/validation/valid');
const EXPECTED_KIND: Record<string, string> = {
  'gemini-generate.jsonl': 'gemini-generate',
  'gemini-embed.jsonl': 'gemini-embed',
  'openai-chat.jsonl': 'openai',
  'openai-embeddings.jsonl': 'openai',
};

suite('validation: the documented example lines', () => {
  for (const [file, kind] of Object.entries(EXPECTED_KIND)) {
    test(`${file} validates with no issue, as ${kind}`, async () => {
      const summary = await validateFile(path.join(DIR, file));
      assert.equal(summary.kind, kind);
      assert.deepEqual(
        summary.issues.map((i) => `${i.line + 1}: ${i.code}: ${messageFor(i)}`),
        [],
      );
      assert.equal(summary.requests, fs.readFileSync(path.join(DIR, file), 'utf8').trim().split('\n').length);
    });
  }
});
