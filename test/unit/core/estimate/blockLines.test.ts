import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { blockCount, blockRange } from '../../../../src/core/estimate/batchEstimate';
import { BlockLines } from '../../../../src/core/estimate/blockLines';
import { parseObjectLine, parseObjectText, readLines } from '../../../../src/core/jobs/lineReader';

/** Every line of every block of `file`, in order, with the block's own line numbers checked to run 1, 2, … */
function blockLines(file: string, blockBytes: number): string[] {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const out: string[] = [];
    for (let seq = 0; seq < blockCount(size, blockBytes); seq++) {
      const { start, end } = blockRange(seq, blockBytes, size);
      const lines = new BlockLines(fd, start, end, size);
      let n = 0;
      for (let text = lines.nextLine(); text !== undefined; text = lines.nextLine()) {
        out.push(text);
        assert.equal(lines.lineNo, ++n);
      }
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

async function readerLines(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { bytes } of readLines(file)) {
    out.push(bytes.toString('utf8'));
  }
  return out;
}

// Multi-byte characters of 2, 3 and 4 bytes, CR, blank lines, spaces: what a block boundary may cut through.
const PIECES = ['a', '{"k":1}', ' ', 'é', '数', '😀', '\r', '', '\ufeff', '\u00a0'];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));

suite('estimate: block reader', function () {
  this.timeout(60_000);
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-blocks-'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('property: the blocks of a file, in order, hold exactly the lines of readLines, whatever the block size', async () => {
    const file = path.join(dir, 'random.jsonl');
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (lines, bom, finalNewline, blockBytes) => {
          const text = (bom ? '\ufeff' : '') + lines.join('\n') + (finalNewline && lines.length ? '\n' : '');
          fs.writeFileSync(file, text);
          assert.deepEqual(blockLines(file, blockBytes), await readerLines(file));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('a line longer than the read buffer, across many blocks, and an empty file', async () => {
    const file = path.join(dir, 'long.jsonl');
    const long = `{"text":"${'数据 😀 '.repeat(300_000)}"}`;
    fs.writeFileSync(file, `first\r\n${long}\n\nlast`);
    const want = await readerLines(file);
    assert.equal(want.length, 4);
    for (const blockBytes of [1000, 64 * 1024, 1024 * 1024, 100 * 1024 * 1024]) {
      assert.deepEqual(blockLines(file, blockBytes), want, `blocks of ${blockBytes}`);
    }
    fs.writeFileSync(file, '');
    assert.deepEqual(blockLines(file, 10), []);
  });

  test('property: a line longer than the bound is read through, not decoded; the others are as readLines gives them', async () => {
    const file = path.join(dir, 'bounded.jsonl');
    const max = 100;
    const longLine = fc.integer({ min: 30, max: 400 }).map((n) => `{"key":"k","request":"${'é'.repeat(n)}"}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(line, longLine), { maxLength: 20 }),
        fc.integer({ min: 1, max: 64 }),
        async (lines, blockBytes) => {
          fs.writeFileSync(file, lines.join('\n'));
          const size = fs.statSync(file).size;
          const want = (await readerLines(file)).map((l) => {
            const bytes = Buffer.byteLength(l);
            return bytes > max ? { text: '', tooLong: bytes, head: l.slice(0, 10) } : undefined;
          });
          const got: ({ text: string; tooLong: number; head: string } | undefined)[] = [];
          const fd = fs.openSync(file, 'r');
          try {
            for (let seq = 0; seq < blockCount(size, blockBytes); seq++) {
              const { start, end } = blockRange(seq, blockBytes, size);
              const reader = new BlockLines(fd, start, end, size, undefined, false, max);
              for (let text = reader.nextLine(); text !== undefined; text = reader.nextLine()) {
                if (reader.lastTooLong > 0) {
                  assert.equal(text, '');
                  assert.ok(reader.lastTooLong > max, 'only lines over the bound are read through');
                  got.push({ text, tooLong: reader.lastTooLong, head: reader.lastHead.slice(0, 10) });
                } else {
                  got.push(undefined);
                }
                assert.ok(reader.buffer.length <= 1024 * 1024, 'the buffer does not grow for a long line');
              }
            }
          } finally {
            fs.closeSync(fd);
          }
          assert.deepEqual(got, want);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('with bytes allowed, valid UTF-8 without a \\u escape comes as its bytes; anything else as text', () => {
    const file = path.join(dir, 'forms.jsonl');
    const rows: { bytes: Buffer; inBytes: boolean }[] = [
      { bytes: Buffer.from('{"text":"plain ascii"}'), inBytes: false },
      { bytes: Buffer.from('{"key":"clé","text":"数据 😀"}'), inBytes: true },
      { bytes: Buffer.from('{"text":"caf\\u00e9 数"}'), inBytes: false },
      { bytes: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), inBytes: false },
      { bytes: Buffer.from('{"text":"é"}'), inBytes: true },
    ];
    fs.writeFileSync(file, Buffer.concat(rows.flatMap((r) => [r.bytes, Buffer.from('\n')])));
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      for (const allowed of [true, false]) {
        const lines = new BlockLines(fd, 0, size, size, undefined, allowed);
        for (const { bytes, inBytes } of rows) {
          const text = lines.nextLine() as string;
          assert.equal(lines.lastInBytes, allowed && inBytes, bytes.toString('utf8'));
          assert.equal(lines.lastInBytes ? Buffer.from(text, 'latin1').toString('utf8') : text, bytes.toString('utf8'));
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  });

  test('a line parses as parseObjectLine parses its bytes', () => {
    const samples = [
      '{"a":1}',
      ' {"a":1}\r',
      '\ufeff{"a":1}',
      '{"a":1}\u00a0',
      '\u00a0{"a":"é"}',
      '{"a":1',
      '{"a":1} {',
      '[1,2]',
      'null',
      '',
      '   ',
      '{}',
      '{"a":"\\u00e9 数"}',
      '{"a":1}}',
    ];
    for (const text of samples) {
      assert.deepEqual(parseObjectText(text), parseObjectLine(Buffer.from(text, 'utf8')), JSON.stringify(text));
    }
  });
});
