import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { mergeAttempts } from '../../../../src/core/results/mergeAttempts';
import { writeMergedJoin } from '../../../../src/core/results/mergedJoin';
import { writeRetryFile } from '../../../../src/core/results/retryFile';
import { retryLines } from '../../../../src/core/results/retryLines';
import type { AttemptFiles } from '../../../../src/core/results/attemptMatch';

const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 12 });
const outcome = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'zz'),
  ok: fc.boolean(),
  fix: fc.boolean(),
});

suite('retry core: retryLines and mergeAttempts (properties)', () => {
  test('retrying never sends a line that succeeded and never loses one that did not', () => {
    fc.assert(
      fc.property(ids, fc.array(outcome), (inputIds, outcomes) => {
        const plan = retryLines(inputIds, outcomes);
        const succeeded = new Set(outcomes.filter((o) => o.ok).map((o) => o.id));
        for (const index of plan.indices) {
          assert.ok(!succeeded.has(inputIds[index]));
        }
        inputIds.forEach((id, index) => assert.equal(plan.indices.includes(index), !succeeded.has(id)));
        assert.equal(plan.succeeded + plan.failed + plan.missing, inputIds.length);
        assert.ok(plan.needsFix >= 0 && plan.needsFix <= plan.failed);
        assert.deepEqual(
          plan.indices,
          [...plan.indices].sort((x, y) => x - y),
        );
      }),
    );
  });

  test('merged: one entry per id; a success anywhere wins; otherwise the latest failure', () => {
    fc.assert(
      fc.property(fc.array(fc.array(outcome), { maxLength: 4 }), (attempts) => {
        const best = mergeAttempts(attempts.map((rows, a) => rows.map((r, i) => ({ ...r, value: `${a}:${i}` }))));
        const all = attempts.flatMap((rows, attempt) => rows.map((r) => ({ ...r, attempt })));
        assert.deepEqual(new Set(best.keys()), new Set(all.map((r) => r.id)));
        for (const [id, row] of best) {
          const mine = all.filter((r) => r.id === id);
          assert.equal(
            row.ok,
            mine.some((r) => r.ok),
          );
          assert.equal(row.attempt, Math.max(...mine.filter((r) => r.ok === row.ok).map((r) => r.attempt)));
        }
      }),
    );
  });
});

type Fate = 'ok' | 'fail' | 'missing';

suite('retry core: retry files and merged results on disk (property)', () => {
  test('across attempts: retry files hold exactly the unanswered lines, byte for byte; the merge holds each key once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retry-prop-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ keyed: fc.boolean(), dupKey: fc.boolean() }), { minLength: 1, maxLength: 25 }),
          fc.array(fc.infiniteStream(fc.constantFrom<Fate>('ok', 'fail', 'missing')), { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          async (spec, fates, openai) => {
            run++;
            const lines = spec.map((s, i) => {
              const key = s.dupKey && i > 0 ? `k${i - 1}` : `k${i}`;
              if (openai) {
                return `{"custom_id":"${key}","method":"POST","url":"/v1/chat/completions","body":{"n": ${i}}}`;
              }
              return s.keyed
                ? `{"key":"${key}",  "request":{"contents":[{"parts":[{"text":"t${i}"}]}]}}`
                : `{"contents":[{"parts":[{"text":"t${i}"}]}]}`;
            });
            const dupInInput = spec.some((s, i) => s.dupKey && i > 0 && (openai || (s.keyed && spec[i - 1].keyed)));
            const keyless = !openai && spec.some((s) => !s.keyed);
            const input = join(dir, `in${run}.jsonl`);
            await writeFile(input, `${lines.join('\r\n')}\r\n`);
            const attempts: AttemptFiles[] = [];
            const everOk = new Set<number>();
            let sent = input;
            let sentIdx = lines.map((_, i) => i);
            for (const [a, stream] of fates.entries()) {
              const it = stream[Symbol.iterator]();
              const results: string[] = [];
              for (const i of sentIdx) {
                const drawn = it.next().value as Fate;
                // Without a unique key, results are matched by order: which request an answer is missing for cannot be told.
                const fate = (dupInInput || keyless) && drawn === 'missing' ? 'fail' : drawn;
                if (fate === 'missing') {
                  continue;
                }
                if (fate === 'ok') {
                  everOk.add(i);
                }
                const parsed = JSON.parse(lines[i]) as { key?: string; custom_id?: string };
                if (openai) {
                  results.push(
                    JSON.stringify({
                      custom_id: parsed.custom_id,
                      response: fate === 'ok' ? { status_code: 200, body: { i, a } } : null,
                      error: fate === 'ok' ? null : { code: 'batch_expired', message: 'x' },
                    }),
                  );
                } else {
                  results.push(
                    JSON.stringify({
                      ...(parsed.key ? { key: parsed.key } : {}),
                      ...(fate === 'ok' ? { response: { i, a } } : { error: { code: 8, message: `e${i}` } }),
                    }),
                  );
                }
              }
              // Keyed results may come in any order; keyless ones keep theirs (the only way they can be matched), and so
              // do repeated keys (which of two same-keyed requests failed is only knowable by order).
              if ((openai || spec.every((s) => s.keyed)) && !dupInInput) {
                results.reverse();
              }
              const resultsPath = join(dir, `r${run}-${a}.jsonl`);
              await writeFile(resultsPath, results.map((r) => `${r}\n`).join(''));
              attempts.push({ inputPath: sent, resultPaths: [resultsPath] });
              const retryPath = join(dir, `in${run}.retry-${a + 1}.jsonl`);
              const plan = await writeRetryFile(input, attempts, retryPath);
              // Duplicated keys are matched in order, so "succeeded" is per request, not per index: compare counts.
              const expected = lines.map((_, i) => i).filter((i) => !everOk.has(i));
              assert.equal(plan.indices.length, expected.length);
              if (plan.path) {
                const written = (await readFile(plan.path, 'utf8')).split('\n').slice(0, -1);
                assert.deepEqual(
                  written,
                  plan.indices.map((i) => lines[i]),
                );
              } else {
                assert.equal(expected.length, 0);
              }
              sentIdx = plan.indices;
              sent = retryPath;
              if (!plan.path) {
                break;
              }
            }
            const merged = join(dir, `m${run}.jsonl`);
            const counts = await writeMergedJoin(input, attempts, merged);
            const rows = (await readFile(merged, 'utf8'))
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as { line: number; key: string | null; response?: unknown });
            assert.equal(rows.length, lines.length);
            assert.deepEqual(
              rows.map((r) => r.line),
              lines.map((_, i) => i + 1),
            );
            assert.equal(rows.filter((r) => r.response !== undefined).length, everOk.size);
            assert.equal(counts.succeeded, everOk.size);
            assert.equal(counts.orphans, 0);
            const keyed = rows.filter((r) => r.key !== null).map((r) => r.key);
            if (!dupInInput) {
              assert.equal(new Set(keyed).size, keyed.length);
            }
          },
        ),
        { numRuns: 80 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
