import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { open } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  isBlankBytes,
  lineText,
  parseObjectLine,
  readLineHead,
  readLines,
  TAIL_BYTES,
  type FileLine,
} from '../../../../src/core/jobs/lineReader';
import { scanLines } from '../../../../src/core/results/lineScan';

interface FileSpec {
  bom: boolean;
  finalEol: boolean;
  lines: { length: number; seed: number; crlf: boolean }[];
}

/**
 * Lines longer than the bound (64 MiB in use, a few bytes here) are kept as their head only, never decoded: a 600 MB
 * result line made `results` fail with "Cannot create a string longer than 0x1fffffe8 characters" at 1.3 GB.
 */
suite('lineReader: lines longer than the bound', () => {
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-linebound-'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function linesOf(file: string, maxLineBytes?: number): Promise<FileLine[]> {
    const lines: FileLine[] = [];
    for await (const line of readLines(file, undefined, maxLineBytes)) {
      lines.push({ ...line, bytes: Buffer.from(line.bytes) });
    }
    return lines;
  }

  async function scanned(file: string, maxLineBytes: number, chunkSize: number): Promise<FileLine[]> {
    const lines: FileLine[] = [];
    await scanLines(
      file,
      (bytes, offset, length) => lines.push({ lineNo: lines.length + 1, offset, length, bytes: Buffer.from(bytes) }),
      { maxLineBytes, chunkSize },
    );
    return lines;
  }

  test('parseObjectLine: an object longer than the bound is not one; at the bound it is', () => {
    const line = Buffer.from('{"key":"a"}');
    assert.deepEqual(parseObjectLine(line, line.length), { key: 'a' });
    assert.equal(parseObjectLine(line, line.length - 1), undefined);
  });

  test('isBlankBytes: what trim drops is blank; a line over the bound never is; an object is not', () => {
    assert.equal(isBlankBytes(Buffer.from(' \t\r\v\f')), true);
    assert.equal(isBlankBytes(Buffer.from('\u00a0\ufeff ')), true);
    assert.equal(isBlankBytes(Buffer.alloc(0)), true);
    assert.equal(isBlankBytes(Buffer.from(' {}')), false);
    assert.equal(isBlankBytes(Buffer.from(' \u00e9')), false);
    assert.equal(isBlankBytes(Buffer.from('    '), 4), true);
    assert.equal(isBlankBytes(Buffer.from('     '), 4), false);
  });

  test('lineText: a head within the bound is the line; over it, a note with the true length', () => {
    assert.equal(lineText(Buffer.from('not json'), 8, 8), 'not json');
    assert.match(lineText(Buffer.from('not json!'), 600, 8), /^\(a line of 600 bytes, longer than the 8 bytes/);
  });

  test('readLineHead: reads at most the bound and one byte of a long line, all of a short one', async () => {
    const file = path.join(dir, 'head.jsonl');
    fs.writeFileSync(file, 'xx0123456789');
    const handle = await open(file, 'r');
    try {
      assert.equal((await readLineHead(handle, 2, 10, 4)).toString(), '01234');
      assert.equal((await readLineHead(handle, 2, 10, 10)).toString(), '0123456789');
    } finally {
      await handle.close();
    }
  });

  test('readLines and scanLines keep the head of a long line and report its true length (BOM, CRLF)', async () => {
    const file = path.join(dir, 'long.jsonl');
    fs.writeFileSync(file, `\ufeff${'a'.repeat(20)}\r\n{"k":1}\r\n${'b'.repeat(9)}`);
    for (const lines of [await linesOf(file, 8), await scanned(file, 8, 3)]) {
      assert.deepEqual(
        lines.map((l) => [l.offset, l.length, l.bytes.toString()]),
        [
          [3, 20, 'a'.repeat(9)],
          [25, 7, '{"k":1}'],
          [34, 9, 'b'.repeat(9)],
        ],
      );
      assert.equal(parseObjectLine(lines[0].bytes, 8), undefined);
      assert.equal(isBlankBytes(lines[0].bytes, 8), false);
    }
  });

  /** A file of lines: each a length, a byte pattern (no LF), CRLF or LF, an optional BOM and final EOL. */
  const fileArb: fc.Arbitrary<FileSpec> = fc.record({
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    lines: fc.array(
      fc.record({
        length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 150_000 })),
        seed: fc.integer({ min: 0, max: 255 }),
        crlf: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  });

  function build(spec: FileSpec): Buffer {
    const parts: Buffer[] = spec.bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
    spec.lines.forEach((line, i) => {
      const bytes = Buffer.alloc(line.length);
      for (let j = 0; j < bytes.length; j++) {
        const b = (line.seed + j * 31) & 0xff;
        bytes[j] = b === 0x0a ? 0x20 : b;
      }
      parts.push(bytes);
      if (i < spec.lines.length - 1 || spec.finalEol) {
        parts.push(Buffer.from(line.crlf ? '\r\n' : '\n'));
      }
    });
    return Buffer.concat(parts);
  }

  test('property: with a small bound, the same lines, offsets and lengths; bytes whole within the bound', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 70_000 }),
        async (spec, bound, chunkSize) => {
          const file = path.join(dir, `p${run++}.jsonl`);
          fs.writeFileSync(file, build(spec));
          try {
            const whole = await linesOf(file);
            for (const line of whole) {
              assert.equal(line.length, line.bytes.length);
            }
            for (const bounded of [await linesOf(file, bound), await scanned(file, bound, chunkSize)]) {
              assert.deepEqual(
                bounded.map((l) => [l.lineNo, l.offset, l.length]),
                whole.map((l) => [l.lineNo, l.offset, l.length]),
              );
              for (const [i, line] of bounded.entries()) {
                const expected = line.length <= bound ? whole[i].bytes : whole[i].bytes.subarray(0, bound + 1);
                assert.ok(line.bytes.equals(expected), `line ${i + 1}: ${line.bytes.length} bytes kept`);
              }
            }
            // readLines also keeps the end of a line over the bound (where its key may be), CR dropped.
            for (const [i, line] of (await linesOf(file, bound)).entries()) {
              const tail = whole[i].bytes.subarray(Math.max(0, whole[i].length - TAIL_BYTES));
              assert.deepEqual(line.tail?.toString('hex'), line.length > bound ? tail.toString('hex') : undefined);
            }
          } finally {
            fs.rmSync(file, { force: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
