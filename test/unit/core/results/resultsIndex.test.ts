import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readLines } from '../../../../src/core/jobs/lineReader';
import { scanLines } from '../../../../src/core/results/lineScan';
import { InputIndex } from '../../../../src/core/results/inputIndex';
import { pageOf, readRows } from '../../../../src/core/results/rowPager';
import { selectRows, toRowQuery } from '../../../../src/core/results/rowQuery';
import { scanResults } from '../../../../src/core/results/scanResults';
import { findKey, searchRows } from '../../../../src/core/results/searchRows';
import { OffsetColumn } from '../../../../src/core/results/columns';

const ok = (key: string, text: string, total: number, finish = 'STOP') =>
  JSON.stringify({
    key,
    response: {
      candidates: [{ content: { parts: [{ text }] }, finishReason: finish }],
      usageMetadata: { promptTokenCount: 1, candidatesTokenCount: total - 1, totalTokenCount: total },
    },
  });
const failed = (key: string, status: string) => JSON.stringify({ key, error: { code: 8, message: 'quota', status } });

suite('results: streaming index, pager, filters, search', () => {
  let dir: string;
  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'results-index-'));
  });
  teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, text: string): string {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  }

  test('indexes every non-blank line with its offset; CRLF, BOM, broken lines and no final EOL', async () => {
    const lines = [
      ok('a', 'alpha', 10),
      '',
      failed('b', 'RESOURCE_EXHAUSTED'),
      '{broken',
      ok('c', 'gamma', 30, 'MAX_TOKENS'),
    ];
    const p = file('r.results.jsonl', `\ufeff${lines.join('\r\n')}`);
    const progress: string[] = [];
    const table = await scanResults(p, {
      firstBatch: 2,
      batch: 3,
      onRows: (t, phase, done) => progress.push(`${phase} ${t.rowCount}/${t.factsCount}${done ? ' done' : ''}`),
    });
    assert.deepEqual(
      progress,
      ['lines 2/0', 'lines 4/0 done', 'facts 4/3', 'facts 4/4 done'],
      'lines first (the list can page), then facts',
    );
    assert.equal(table.rowCount, 4);
    const rows = await readRows(p, table, [0, 1, 2, 3, 99, -1]);
    assert.deepEqual(
      rows.map((r) => [r.index, r.row.key, r.row.ok, r.row.error?.code]),
      [
        [0, 'a', true, undefined],
        [1, 'b', false, 'RESOURCE_EXHAUSTED'],
        [2, undefined, false, 'unparseable_line'],
        [3, 'c', true, undefined],
      ],
    );
    const s = table.summary();
    assert.deepEqual([s.total, s.succeeded, s.failed], [4, 2, 2]);
    assert.deepEqual(s.byErrorCode, { RESOURCE_EXHAUSTED: 1, unparseable_line: 1 });
    assert.deepEqual(s.byFinishReason, { STOP: 1, MAX_TOKENS: 1 });
    assert.equal(s.tokens.total, 40);
  });

  test('filters by status, finish reason and error code; sorts by tokens with count-less rows last', async () => {
    const p = file(
      'r.jsonl',
      [ok('a', 'x', 10), failed('b', 'INTERNAL'), ok('c', 'y', 30, 'MAX_TOKENS'), ok('d', 'z', 20)].join('\n'),
    );
    const table = await scanResults(p);
    const pick = (q: unknown) => Array.from(selectRows(table, toRowQuery(q)));
    assert.deepEqual(pick({}), [0, 1, 2, 3]);
    assert.deepEqual(pick({ status: 'failed' }), [1]);
    assert.deepEqual(pick({ status: 'succeeded' }), [0, 2, 3]);
    assert.deepEqual(pick({ finishReason: 'MAX_TOKENS' }), [2]);
    assert.deepEqual(pick({ errorCode: 'INTERNAL' }), [1]);
    assert.deepEqual(pick({ sort: 'tokensDesc' }), [2, 3, 0, 1]);
    assert.deepEqual(pick({ sort: 'tokensAsc' }), [0, 3, 2, 1]);
    assert.deepEqual(pick({ status: 42, sort: '<script>' }), [0, 1, 2, 3], 'an unknown query shape is the default');
    assert.deepEqual(Array.from(pageOf(selectRows(table, toRowQuery({})), 1, 2)), [1, 2]);
    assert.deepEqual(Array.from(pageOf(selectRows(table, toRowQuery({})), 3, 100)), [3]);
  });

  test('search is case-insensitive over answers, keys and errors, also for escaped and non-ASCII text', async () => {
    const p = file(
      'r.jsonl',
      [ok('k1', 'The Quick\nfox', 1), ok('k2', 'café "quoted"', 1), failed('k3', 'RESOURCE_EXHAUSTED')].join('\n'),
    );
    const table = await scanResults(p);
    const hits = async (q: string) => Array.from(await searchRows(p, table, q)).flatMap((m, i) => (m ? [i] : []));
    assert.deepEqual(await hits('quick'), [0]);
    assert.deepEqual(await hits('quick\nfox'), [0]);
    assert.deepEqual(await hits('CAFÉ'), [1]);
    assert.deepEqual(await hits('"quoted"'), [1]);
    assert.deepEqual(await hits('k3'), [2]);
    assert.deepEqual(await hits('exhausted'), [2]);
    assert.deepEqual(await hits('candidates'), [], 'field names of the JSON are not content');
  });

  test('findKey finds the first row with a key, by streaming; OffsetColumn is exact past 4 GB', async () => {
    const p = file(
      'r.jsonl',
      [
        ok('a', 'x', 1),
        '',
        failed('b"q', 'INTERNAL'),
        ok('c', 'y', 2),
        JSON.stringify({ custom_id: 5, response: { status_code: 200, body: {} } }),
      ].join('\n'),
    );
    const table = await scanResults(p);
    assert.deepEqual(
      [
        await findKey(p, table, 'c'),
        await findKey(p, table, 'b"q'),
        await findKey(p, table, '5'),
        await findKey(p, table, 'zz'),
      ],
      [2, 1, 3, undefined],
    );
    const column = new OffsetColumn();
    const values = [0, 10, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 7, 3 * 2 ** 32 + 1, 3 * 2 ** 32 + 2];
    values.forEach((v) => column.push(v));
    assert.deepEqual(
      values.map((_, i) => column.get(i)),
      values,
    );
  });

  test('the input index finds a request by key (not position) and keyless ones by position', async () => {
    const input = file(
      'in.jsonl',
      [
        JSON.stringify({ key: 'b', request: { contents: [{ parts: [{ text: 'prompt b' }] }] } }),
        '',
        JSON.stringify({ key: 'a', request: { contents: [{ role: 'user', parts: [{ text: 'prompt a' }] }] } }),
        JSON.stringify({ custom_id: 7, body: { messages: [{ role: 'user', content: 'seven' }] } }),
      ].join('\n'),
    );
    const index = await InputIndex.build(input);
    assert.deepEqual(await index.find('a', 0), { line: 3, prompt: 'prompt a' });
    assert.deepEqual(await index.find('b', 5), { line: 1, prompt: 'prompt b' });
    assert.deepEqual(await index.find('7', 0), { line: 4, prompt: 'seven' });
    assert.equal(await index.find('zzz', 0), undefined);
    assert.deepEqual(await index.find(undefined, 1), { line: 3, prompt: 'prompt a' });
  });

  test('random and mutated lines never crash the index, the pager or the search', async () => {
    const seed = [
      ok('a', 'x', 3),
      failed('b', 'INTERNAL'),
      '{"custom_id":"c","response":{"status_code":200,"body":{"choices":[]}}}',
    ];
    const line = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .tuple(fc.constantFrom(...seed), fc.nat(), fc.string())
        .map(([s, at, junk]) => s.slice(0, at % (s.length + 1)) + junk + s.slice(at % (s.length + 1))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.string({ maxLength: 4 }), async (lines, needle) => {
        const p = file('fuzz.jsonl', lines.join('\n'));
        const table = await scanResults(p, { firstBatch: 1, batch: 2 });
        const rows = await readRows(
          p,
          table,
          Array.from({ length: table.rowCount }, (_, i) => i),
        );
        assert.equal(rows.length, table.rowCount);
        const s = table.summary();
        assert.equal(s.succeeded + s.noAnswer + s.failed, table.rowCount);
        const matches = await searchRows(p, table, needle);
        assert.equal(matches.length, table.rowCount);
      }),
      { numRuns: 150 },
    );
  });
});

suite('results: scanLines reads lines as readLines does', () => {
  test('any bytes (CRLF, BOM, blank lines, no final EOL), any chunk size: the same lines at the same offsets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-lines-'));
    try {
      const piece = fc.oneof(
        fc.constantFrom('\n', '\r\n', '\ufeff', '{"a":1}', ' ', '\r'),
        fc.string({ maxLength: 20 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), async (pieces, chunk) => {
          const p = join(dir, 'f.jsonl');
          writeFileSync(p, pieces.join(''));
          const expected: [string, number][] = [];
          for await (const line of readLines(p)) {
            expected.push([line.bytes.toString('hex'), line.offset]);
          }
          const actual: [string, number][] = [];
          await scanLines(
            p,
            (bytes, offset) => {
              actual.push([bytes.toString('hex'), offset]);
            },
            { chunkSize: chunk },
          );
          assert.deepEqual(actual, expected);
        }),
        { numRuns: 200 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
