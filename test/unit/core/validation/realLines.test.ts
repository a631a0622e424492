import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { messageFor, validateLine, type Issue } from '../../../../src/core/validation';
import { checkLine } from '../../../../src/emulator/jobs/lineCheck';
import { scanOpenAIFile } from '../../../../src/emulator/jobs/jobScan';
import { isOpenAIBatchEndpoint } from '../../../../src/core/openaiEndpoints';
import type { BatchKind } from '../../../../src/core/batchKind';

/**
 * The corpus of real batch lines with a known verdict (issue 7, "Must hold"): lines from the official docs, the
 * cookbook's batch and REST notebooks, SDK samples and user reports. Where each line comes from, how it was adapted
 * and what shows the service ran (or refused) it is in `test/fixtures/validation/real-lines/SOURCES.md`.
 * Accepted lines must get no error from the validator and must pass the emulator's create-time check; rejected
 * lines must get at least one error, and the emulator must refuse them.
 */
const DIR = path.join(__dirname, '../../../fixtures/validation/real-lines');

interface CorpusFile {
  file: string;
  kind: BatchKind;
  verdict: 'accepted' | 'rejected';
}

const FILES: readonly CorpusFile[] = [
  { file: 'accepted-gemini-generate.jsonl', kind: 'gemini-generate', verdict: 'accepted' },
  { file: 'accepted-gemini-embed.jsonl', kind: 'gemini-embed', verdict: 'accepted' },
  { file: 'accepted-openai.jsonl', kind: 'openai', verdict: 'accepted' },
  { file: 'rejected-gemini-generate.jsonl', kind: 'gemini-generate', verdict: 'rejected' },
];

interface CorpusLine {
  id: string;
  text: string;
  value: Record<string, unknown>;
}

function readCorpus(file: string): CorpusLine[] {
  return fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .split('\n')
    .filter((t) => t.trim() !== '')
    .map((text) => {
      const value = JSON.parse(text) as Record<string, unknown>;
      return { id: String(value.key ?? value.custom_id), text, value };
    });
}

/** One issue per line of the failure message: code, path and words, so a failure reads as a checklist entry. */
function describe(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.code} at ${i.path ?? '(line)'} [col ${i.startCol}]: ${messageFor(i)}`).join('\n  ');
}

const errorsOf = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity === 'error');

const SOURCES = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');

for (const { file, kind, verdict } of FILES) {
  const lines = readCorpus(file);

  suite(`validation: real lines, ${file} (${lines.length} ${verdict} ${kind} lines)`, () => {
    let tmp = '';
    suiteSetup(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'real-lines-'));
    });
    suiteTeardown(() => {
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    test(`the ${lines.length} keys are unique and each has its source in SOURCES.md`, () => {
      assert.equal(new Set(lines.map((l) => l.id)).size, lines.length);
      assert.deepEqual(
        lines.filter((l) => !SOURCES.includes(`| \`${l.id}\` |`)).map((l) => l.id),
        [],
      );
    });

    for (const line of lines) {
      if (verdict === 'accepted') {
        test(`${line.id}: no error from validateLine`, () => {
          const errors = errorsOf(validateLine(kind, line.text, 0));
          assert.equal(errors.length, 0, `errors on an accepted line:\n  ${describe(errors)}`);
        });
        test(`${line.id}: the emulator's create-time check accepts it`, async () => {
          if (kind === 'openai') {
            // OpenAI batches are checked per file against the batch's endpoint (jobScan.scanOpenAIFile).
            const url = String(line.value.url);
            assert.ok(isOpenAIBatchEndpoint(url), `the emulator refuses a batch for endpoint ${url}`);
            const input = path.join(tmp, `${lines.indexOf(line)}.jsonl`);
            fs.writeFileSync(input, `${line.text}\n`);
            assert.deepEqual((await scanOpenAIFile(input, url)).errors, []);
          } else {
            assert.equal(checkLine(kind, line.text), undefined);
          }
        });
      } else {
        test(`${line.id}: validateLine gives at least one error`, () => {
          const issues = validateLine(kind, line.text, 0);
          assert.ok(errorsOf(issues).length > 0, `no error on a refused line; issues:\n  ${describe(issues)}`);
        });
        if (kind !== 'openai') {
          test(`${line.id}: the emulator's create-time check refuses it`, () => {
            assert.match(checkLine(kind, line.text) ?? '', /^invalid JSON, near column \d+: /);
          });
        }
      }
    }
  });
}
