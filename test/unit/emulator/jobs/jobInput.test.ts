import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readRequestLines, type InputLine } from '../../../../src/emulator/jobs/jobInput';
import { scanGeminiFile, scanOpenAIFile } from '../../../../src/emulator/jobs/jobScan';
import { tempDir } from '../helpers';

async function collect(file: string, max?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const l of readRequestLines(file, max)) {
    out.push(l);
  }
  return out;
}

suite('emulator: streaming input lines', () => {
  let tmp: ReturnType<typeof tempDir>;
  setup(() => {
    tmp = tempDir('lines');
  });
  teardown(() => tmp.cleanup());

  test('BOM, CRLF, blank lines and a last line without newline', async () => {
    const file = path.join(tmp.dir, 'a.jsonl');
    writeFileSync(file, '\ufeff{"a":1}\r\n\r\n   \n{"b":2}\r\n{"c":3}');
    assert.deepEqual(await collect(file), [
      { text: '{"a":1}', lineNo: 1 },
      { text: '{"b":2}', lineNo: 4 },
      { text: '{"c":3}', lineNo: 5 },
    ]);
  });

  test('multi-byte characters across read chunks stay intact; an over-long line is flagged, not held', async () => {
    const file = path.join(tmp.dir, 'b.jsonl');
    const long = 'é'.repeat(300_000);
    writeFileSync(file, `{"t":"${long}"}\n${'x'.repeat(5000)}\n{"ok":true}\n`);
    const lines = await collect(file, 4000);
    assert.equal(lines.length, 3);
    assert.equal(lines[0].tooLong, true);
    assert.deepEqual(lines[1], { text: '', lineNo: 2, tooLong: true });
    assert.deepEqual(lines[2], { text: '{"ok":true}', lineNo: 3 });
    const all = await collect(file);
    assert.equal(JSON.parse(all[0].text).t, long);
  });

  test('scans: Gemini counts requests and lists bad lines; OpenAI finds the documented errors', async () => {
    const g = path.join(tmp.dir, 'g.jsonl');
    writeFileSync(
      g,
      '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}]}}\n\n{"key":"b","request":{"contentz":[]}}\n',
    );
    const scan = await scanGeminiFile(g, 'gemini-generate');
    assert.equal(scan.total, 2);
    assert.equal(scan.errors.length, 1);
    assert.match(scan.errors[0], /^Error on line 3: invalid JSON, near column \d+: no such field: 'contentz'$/);
    const o = path.join(tmp.dir, 'o.jsonl');
    writeFileSync(
      o,
      [
        '{"custom_id":"1","method":"POST","url":"/v1/chat/completions","body":{"model":"m1","messages":[]}}',
        '{"custom_id":"2","method":"GET","url":"/v1/chat/completions","body":{"model":"m2"}}',
        '{"method":"POST","url":"/v1/chat/completions"}',
      ].join('\n'),
    );
    const os = await scanOpenAIFile(o, '/v1/chat/completions');
    assert.deepEqual(
      os.errors.map((e) => `${e.line}:${e.code}`),
      ['2:invalid_method', '2:mismatched_model', '3:missing_required_parameter', '3:missing_required_parameter'],
    );
    const empty = path.join(tmp.dir, 'e.jsonl');
    writeFileSync(empty, '\n\n');
    assert.deepEqual(
      (await scanOpenAIFile(empty, '/v1/embeddings')).errors.map((e) => e.code),
      ['empty_file'],
    );
  });
});
