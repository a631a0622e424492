import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { joinResults } from '../../../../src/core/jobs/joinResults';
import { summarizeResults } from '../../../../src/core/jobs/summarizeResults';

/**
 * Issue 9, "Must hold": with results shuffled and per-line failures injected, the joined results and the summary
 * stay right, every key exactly once. Inputs are keyed and bare lines in any mix; results come back as the emulator
 * writes them: keyed ones in any order, bare ones in their order, some of each failed.
 */
suite('joinResults property: shuffled results with failures', () => {
  test('every input line joined exactly once to its own result, in input order; the summary counts match', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'join-prop-'));
    try {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ keyed: fc.boolean(), failed: fc.boolean() }), { minLength: 1, maxLength: 40 }),
          fc.infiniteStream(fc.nat()),
          async (spec, randoms) => {
            run += 1;
            const inputLines = spec.map((s, i) =>
              s.keyed
                ? { key: `k${i}`, request: { contents: [{ parts: [{ text: `t${i}` }] }] } }
                : { contents: [{ parts: [{ text: `t${i}` }] }] },
            );
            const resultOf = (i: number): Record<string, unknown> => ({
              ...(spec[i].failed ? { error: { code: 8, message: `e${i}` } } : { response: { n: i } }),
              ...(spec[i].keyed ? { key: `k${i}` } : {}),
            });
            // Keyed results shuffled among the keyed slots; bare ones keep their order.
            const keyedIdx = spec.map((s, i) => (s.keyed ? i : -1)).filter((i) => i >= 0);
            const shuffled = [...keyedIdx];
            const it = randoms[Symbol.iterator]();
            for (let i = shuffled.length - 1; i > 0; i--) {
              const j = (it.next().value as number) % (i + 1);
              [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
            }
            let k = 0;
            const order = spec.map((s, i) => (s.keyed ? shuffled[k++] : i));
            const input = join(dir, `in${run}.jsonl`);
            const results = join(dir, `out${run}.jsonl`);
            const joined = join(dir, `joined${run}.jsonl`);
            await writeFile(input, inputLines.map((l) => JSON.stringify(l)).join('\n') + '\n');
            await writeFile(results, order.map((i) => JSON.stringify(resultOf(i))).join('\n') + '\n');
            const counts = await joinResults(input, results, undefined, joined);
            assert.deepEqual(counts, {
              matched: spec.length,
              missingResults: 0,
              orphanResults: 0,
              unparseableResults: 0,
            });
            const rows = (await readFile(joined, 'utf8'))
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as { line: number; response?: { n: number }; error?: { message: string } });
            assert.deepEqual(
              rows.map((r) => r.line),
              spec.map((_, i) => i + 1),
            );
            rows.forEach((r, i) => assert.deepEqual(r.response?.n ?? r.error?.message, spec[i].failed ? `e${i}` : i));
            const summary = await summarizeResults({ results });
            const failed = spec.filter((s) => s.failed).length;
            assert.deepEqual(summary, {
              total: spec.length,
              succeeded: spec.length - failed,
              noAnswer: 0,
              byNoAnswerReason: {},
              failed,
              byErrorCode: failed > 0 ? { RESOURCE_EXHAUSTED: failed } : {},
            });
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
