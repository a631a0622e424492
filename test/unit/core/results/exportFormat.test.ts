import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { csvCell, csvLine, exportRecord } from '../../../../src/core/results/exportFormat';
import { exportToFile } from '../../../../src/core/results/exportResults';
import { readResultRows } from '../../../../src/core/results/resultRows';
import { toResultRow, type ResultRow } from '../../../../src/core/results/resultRow';
import { firstWords } from '../../../../src/core/results/answerText';

/** A minimal RFC 4180 reader, to check that what is written reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

suite('export: CSV and JSONL records', () => {
  test('formula-looking cells are prefixed with a quote; quotes, commas and line breaks are quoted', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(false), 'false');
  });

  test('any strings read back field for field (formula prefix aside), never starting a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (values) => {
        const [read] = parseCsv(csvLine(values));
        assert.equal(read.length, values.length);
        read.forEach((cell, i) => {
          assert.equal(cell, /^[=+\-@\t\r]/.test(values[i]) ? `'${values[i]}` : values[i]);
          assert.ok(!/^[=+\-@]/.test(cell));
        });
      }),
    );
  });

  test('a record holds key, prompt, answer text (no thoughts), finish reason, tokens and error', () => {
    const ok = toResultRow({
      line: 3,
      key: 'k',
      request: { contents: [{ role: 'user', parts: [{ text: 'Q?' }] }] },
      response: {
        candidates: [
          { content: { parts: [{ text: 'thinking', thought: true }, { text: 'A.' }] }, finishReason: 'STOP' },
        ],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, thoughtsTokenCount: 5, totalTokenCount: 10 },
      },
    });
    assert.deepEqual(exportRecord(ok), {
      key: 'k',
      line: 3,
      ok: true,
      prompt: 'Q?',
      answer: 'A.',
      finishReason: 'STOP',
      promptTokens: 3,
      outputTokens: 2,
      thoughtsTokens: 5,
      cachedTokens: null,
      totalTokens: 10,
      errorCode: null,
      errorMessage: null,
      outcome: 'succeeded',
      noAnswerReason: null,
    });
    const failed = exportRecord(toResultRow({ key: 'e', error: { code: 8, message: 'quota' } }));
    assert.equal(failed.errorCode, 'RESOURCE_EXHAUSTED');
    assert.equal(failed.errorMessage, 'quota');
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.noAnswerReason, null);
  });

  test('a response without an answer is exported as outcome no_answer with its reason, in CSV and JSONL', async () => {
    const blocked = toResultRow({ key: 'b', response: { promptFeedback: { blockReason: 'SAFETY' } } });
    const cut = toResultRow({
      key: 'm',
      response: { candidates: [{ content: { parts: [] }, finishReason: 'MAX_TOKENS' }] },
    });
    assert.deepEqual(
      [blocked, cut].map((row) => [exportRecord(row).outcome, exportRecord(row).noAnswerReason]),
      [
        ['no_answer', 'SAFETY'],
        ['no_answer', 'MAX_TOKENS'],
      ],
    );
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    try {
      async function* rows(): AsyncGenerator<ResultRow> {
        yield blocked;
      }
      const csv = join(dir, 'out.csv');
      await exportToFile(rows(), csv, { format: 'csv' });
      const [header, record] = parseCsv(await readFile(csv, 'utf8'));
      assert.deepEqual(header.slice(-2), ['outcome', 'noAnswerReason']);
      assert.deepEqual(record.slice(-2), ['no_answer', 'SAFETY']);
      const jsonl = join(dir, 'out.jsonl');
      await exportToFile(rows(), jsonl, { format: 'jsonl' });
      const written = JSON.parse(await readFile(jsonl, 'utf8'));
      assert.deepEqual([written.outcome, written.noAnswerReason], ['no_answer', 'SAFETY']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('exportToFile streams every row and leaves no temp file behind; a failing source leaves no file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    try {
      const out = join(dir, 'out.csv');
      const summary = await exportToFile(
        readResultRows([join(__dirname, '../../../fixtures/jobs/gemini-error-lines.jsonl')]),
        out,
        { format: 'csv' },
      );
      assert.equal(summary.total, 4);
      assert.equal(parseCsv(await readFile(out, 'utf8')).length, 5);
      async function* broken(): AsyncGenerator<ResultRow> {
        yield toResultRow({ key: 'a', response: {} });
        throw new Error('disk gone');
      }
      await assert.rejects(exportToFile(broken(), join(dir, 'broken.jsonl'), { format: 'jsonl' }), /disk gone/);
      assert.deepEqual((await readdir(dir)).sort(), ['out.csv']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('firstWords cuts on words and marks the cut', () => {
    assert.equal(firstWords('one two three four', 2), 'one two…');
    assert.equal(firstWords('  one\n two ', 5), 'one two');
  });
});
