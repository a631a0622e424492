import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { partPath, partSource, SplitError, splitFile } from '../../../../src/core/split';
import { tempDirs } from '../../helpers/tempDirs';

async function concatParts(parts: readonly string[]): Promise<Buffer> {
  return Buffer.concat(await Promise.all(parts.map((p) => fsp.readFile(p))));
}

const isBlank = (line: string): boolean => /^[ \t\r\n]*$/.test(line);

suite('splitFile', () => {
  const tempDir = tempDirs('split-test-');

  test('parts stay within both limits, in order, and concatenate to the original', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.jsonl');
    const lines = Array.from({ length: 10 }, (_, i) => `{"key":"k${i}"}`);
    await fsp.writeFile(file, `${lines.join('\n')}\n`);
    const result = await splitFile(file, { maxBytes: 1000, maxLines: 3 });
    assert.deepEqual(
      result.parts.map((p) => path.basename(p)),
      ['data.part-01.jsonl', 'data.part-02.jsonl', 'data.part-03.jsonl', 'data.part-04.jsonl'],
    );
    assert.deepEqual(result.requests, [3, 3, 3, 1]);
    assert.equal((await concatParts(result.parts)).toString(), `${lines.join('\n')}\n`);
    assert.deepEqual(
      (await fsp.readdir(dir)).sort(),
      ['data.jsonl', ...result.parts.map((p) => path.basename(p))].sort(),
    );
  });

  test('a file within the limits is left alone: no part written', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'small.jsonl');
    await fsp.writeFile(file, '{"key":"a"}\n{"key":"b"}\n');
    assert.deepEqual(await splitFile(file, { maxBytes: 1000, maxLines: 5 }), {
      parts: [],
      requests: [],
      tokens: [],
      fits: true,
      removed: [],
    });
    assert.deepEqual(await fsp.readdir(dir), ['small.jsonl']);
  });

  test('a line larger than the byte limit stops the split with a typed error and leaves nothing behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.jsonl');
    await fsp.writeFile(file, `{"key":"a"}\n{"key":"${'x'.repeat(200)}"}\n{"key":"c"}\n`);
    await assert.rejects(
      splitFile(file, { maxBytes: 50 }),
      (e: unknown) => e instanceof SplitError && e.code === 'line-too-large' && e.detail.line === 2,
    );
    assert.deepEqual(await fsp.readdir(dir), ['big.jsonl']);
  });

  test('a missing file is a read failure, a fired signal a cancel; neither leaves a part', async () => {
    const dir = await tempDir();
    await assert.rejects(
      splitFile(path.join(dir, 'none.jsonl'), { maxBytes: 10 }),
      (e: unknown) => e instanceof SplitError && e.code === 'read-failed' && e.detail.errno === 'ENOENT',
    );
    const file = path.join(dir, 'a.jsonl');
    await fsp.writeFile(file, '{"key":"a"}\n'.repeat(100));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      splitFile(file, { maxBytes: 100, signal: controller.signal }),
      (e: unknown) => e instanceof SplitError && e.code === 'cancelled',
    );
    assert.deepEqual(await fsp.readdir(dir), ['a.jsonl']);
  });

  test('a part that cannot be given its name undoes the parts already named: all or nothing', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.jsonl');
    await fsp.writeFile(file, '{"key":"a"}\n{"key":"b"}\n{"key":"c"}\n');
    await fsp.mkdir(path.join(dir, 'data.part-02.jsonl'));
    await assert.rejects(
      splitFile(file, { maxBytes: 1000, maxLines: 1 }),
      (e: unknown) => e instanceof SplitError && e.code === 'write-failed',
    );
    assert.deepEqual((await fsp.readdir(dir)).sort(), ['data.jsonl', 'data.part-02.jsonl']);
  });

  test('parts of an earlier split of the same file are removed once the new ones are in place; nothing else is', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.jsonl');
    const lines = Array.from({ length: 5 }, (_, i) => `{"key":"k${i}"}\n`);
    await fsp.writeFile(file, lines.join(''));
    const first = await splitFile(file, { maxBytes: 1000, maxLines: 1 });
    assert.equal(first.parts.length, 5);
    const others = ['data.part-1.jsonl', 'data.part-07.json', 'other.part-03.jsonl', 'data.jsonl.part-03.jsonl'];
    await Promise.all(others.map((name) => fsp.writeFile(path.join(dir, name), 'not ours\n')));
    await fsp.mkdir(path.join(dir, 'data.part-09.jsonl'));
    const second = await splitFile(file, { maxBytes: 1000, maxLines: 3 });
    assert.deepEqual(
      second.removed.map((p) => path.basename(p)),
      ['data.part-03.jsonl', 'data.part-04.jsonl', 'data.part-05.jsonl'],
    );
    const parts = (await fsp.readdir(dir)).filter((n) => /^data\.part-\d+\.jsonl$/.test(n)).sort();
    assert.deepEqual(parts, ['data.part-01.jsonl', 'data.part-02.jsonl', 'data.part-09.jsonl', 'data.part-1.jsonl']);
    // The folder's parts hold the file's lines once each: no stale line beside them.
    assert.equal((await concatParts(second.parts)).toString(), lines.join(''));
    for (const name of others) {
      assert.equal(await fsp.readFile(path.join(dir, name), 'utf8'), 'not ours\n');
    }
  });

  test('a split that fails leaves the earlier parts as they were', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.jsonl');
    await fsp.writeFile(file, '{"key":"a"}\n{"key":"b"}\n{"key":"c"}\n');
    await splitFile(file, { maxBytes: 1000, maxLines: 1 });
    const before = (await fsp.readdir(dir)).sort();
    await fsp.appendFile(file, `{"key":"${'x'.repeat(2000)}"}\n`);
    await assert.rejects(splitFile(file, { maxBytes: 1000, maxLines: 2 }), (e: unknown) => e instanceof SplitError);
    assert.deepEqual((await fsp.readdir(dir)).sort(), before);
    // Failing once some new parts had their names (the earlier ones of those names are gone): no set at all.
    await fsp.rm(path.join(dir, 'data.part-02.jsonl'));
    await fsp.mkdir(path.join(dir, 'data.part-02.jsonl'));
    await assert.rejects(
      splitFile(file, { maxBytes: 5000, maxLines: 1 }),
      (e: unknown) => e instanceof SplitError && e.code === 'write-failed',
    );
    assert.deepEqual((await fsp.readdir(dir)).sort(), ['data.jsonl', 'data.part-02.jsonl']);
  });

  test('property: any lines, any limits: parts concatenate to the original, each within the limits', async () => {
    const dir = await tempDir();
    const line = fc.oneof(
      fc.constant(''),
      fc.constant('  '),
      fc.constant('\r'),
      fc.string({ maxLength: 30 }).map((s) => `{"v":${JSON.stringify(s.replace(/\n/g, ''))}}`),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 70, max: 200 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        async (lines, trailing, maxBytes, maxLines) => {
          const file = path.join(dir, `p${run++}.jsonl`);
          const text = lines.join('\n') + (trailing ? '\n' : '');
          await fsp.writeFile(file, text);
          const result = await splitFile(file, { maxBytes, maxLines });
          const requestCount = lines.filter((l) => !isBlank(l)).length;
          if (result.fits) {
            assert.ok(Buffer.byteLength(text) <= maxBytes && (maxLines === undefined || requestCount <= maxLines));
            return;
          }
          assert.equal((await concatParts(result.parts)).toString(), text);
          for (const part of result.parts) {
            const body = await fsp.readFile(part, 'utf8');
            assert.ok(Buffer.byteLength(body) <= maxBytes, 'part within the byte limit');
            const requests = body.split('\n').filter((l) => !isBlank(l)).length;
            assert.ok(maxLines === undefined || requests <= maxLines, 'part within the line limit');
            assert.ok(
              body.endsWith('\n') || part === result.parts[result.parts.length - 1],
              'only the last part may end without a newline',
            );
            await fsp.rm(part);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test("by tokens: each part holds at most maxTokens by the caller's counts, fewest parts, every line once", async () => {
    const dir = await tempDir();
    // A line's "tokens" are the number in it: uneven requests, the case proportional sizing got wrong.
    const tokensOf = (line: Buffer): number => Number(/"t":(\d+)/.exec(line.toString())?.[1] ?? 0);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 50, max: 120 }),
        async (counts, maxTokens) => {
          const file = path.join(dir, 'tokens.jsonl');
          const text = counts.map((t, i) => `{"key":"k${i}","t":${t}}\n`).join('');
          await fsp.writeFile(file, text);
          const result = await splitFile(file, { maxBytes: 1 << 20, maxTokens, lineTokens: tokensOf });
          const total = counts.reduce((a, b) => a + b, 0);
          if (result.fits) {
            assert.ok(total <= maxTokens);
            return;
          }
          assert.equal((await concatParts(result.parts)).toString(), text);
          const perPart = await Promise.all(
            result.parts.map(async (p) =>
              (await fsp.readFile(p, 'utf8'))
                .split('\n')
                .filter((l) => l)
                .reduce((sum, l) => sum + tokensOf(Buffer.from(l)), 0),
            ),
          );
          assert.deepEqual(result.tokens, perPart);
          assert.ok(
            perPart.every((t) => t <= maxTokens),
            'every part within the token limit',
          );
          // Greedy: a part and the first line of the next would not have fitted together.
          for (let i = 0; i + 1 < result.parts.length; i++) {
            const next = tokensOf(Buffer.from((await fsp.readFile(result.parts[i + 1], 'utf8')).split('\n')[0]));
            assert.ok(perPart[i] + next > maxTokens, 'parts are as full as the limit allows');
          }
          await Promise.all(result.parts.map((p) => fsp.rm(p)));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('by tokens: one request over the token limit stops with a typed error and writes nothing', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.jsonl');
    await fsp.writeFile(file, '{"t":5}\n{"t":500}\n');
    const tokensOf = (line: Buffer): number => Number(/"t":(\d+)/.exec(line.toString())?.[1] ?? 0);
    await assert.rejects(
      splitFile(file, { maxBytes: 1 << 20, maxTokens: 100, lineTokens: tokensOf }),
      (e: unknown) => e instanceof SplitError && e.code === 'line-over-tokens' && e.detail.line === 2,
    );
    assert.deepEqual(await fsp.readdir(dir), ['big.jsonl']);
  });

  test('a million lines: no line lost or duplicated, every key once', async function () {
    this.timeout(60_000);
    const dir = await tempDir();
    const file = path.join(dir, 'million.jsonl');
    const count = 1_000_000;
    const handle = await fsp.open(file, 'w');
    for (let start = 0; start < count; start += 100_000) {
      let chunk = '';
      for (let i = start; i < start + 100_000; i++) {
        chunk += `{"key":"k${i}","request":{}}\n`;
      }
      await handle.write(chunk);
    }
    await handle.close();
    const result = await splitFile(file, { maxBytes: 8 * 1024 ** 2, maxLines: 300_000 });
    assert.ok(result.parts.length >= 4);
    assert.equal(
      result.requests.reduce((a, b) => a + b, 0),
      count,
    );
    const seen = new Uint8Array(count);
    for (const part of result.parts) {
      const body = await fsp.readFile(part, 'latin1');
      assert.ok(body.length <= 8 * 1024 ** 2);
      for (const m of body.matchAll(/"key":"k(\d+)"/g)) {
        seen[Number(m[1])]++;
      }
    }
    assert.ok(
      seen.every((n) => n === 1),
      'every key exactly once',
    );
  });
});

suite('part names', () => {
  test('partSource undoes partPath; any other file is its own source', () => {
    for (const count of [2, 12, 150]) {
      assert.equal(partSource(partPath('/d/data.jsonl', count, count)), '/d/data.jsonl');
    }
    assert.equal(partSource('/d/data.jsonl'), '/d/data.jsonl');
    assert.equal(partSource('/d/part-01.jsonl'), '/d/part-01.jsonl');
  });
});
