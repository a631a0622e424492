import * as assert from 'node:assert/strict';
import { ByteLineScanner, type LineSink } from '../../../../src/core/jsonl/byteLineScanner';
import { firstInvalidUtf8 } from '../../../../src/core/jsonl/utf8';

type Event = [string, ...(string | number)[]];

function scan(chunks: Buffer[], maxLineBytes?: number): { events: Event[]; lines: number } {
  const events: Event[] = [];
  const sink: LineSink = {
    onLine: (text, line) => events.push(['line', line, text]),
    onInvalidUtf8: (line, column, byte) => events.push(['utf8', line, column, byte]),
    onLineTooLong: (line, bytes, head) => events.push(['long', line, bytes, head]),
    onBinary: (line) => events.push(['binary', line]),
  };
  const scanner = new ByteLineScanner(sink, { maxLineBytes });
  for (const chunk of chunks) {
    if (!scanner.push(chunk)) {
      break;
    }
  }
  scanner.end();
  return { events, lines: scanner.lines };
}

/** Cuts a buffer at every given offset, so lines straddle chunk boundaries. */
function cut(buffer: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) {
    out.push(Buffer.from(buffer.subarray(i, i + size)));
  }
  return out;
}

suite('jsonl/ByteLineScanner', () => {
  const text = '\uFEFF{"a":1}\r\n\n{"b":"é€😀"}\n{"c":3}';
  const bytes = Buffer.from(text, 'utf8');

  test('gives the same lines whatever the chunk size (BOM dropped, CRLF, blank, no final break)', () => {
    const expected: Event[] = [
      ['line', 0, '{"a":1}'],
      ['line', 1, ''],
      ['line', 2, '{"b":"é€😀"}'],
      ['line', 3, '{"c":3}'],
    ];
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const { events, lines } = scan(cut(bytes, size));
      assert.deepEqual(events, expected, `chunk size ${size}`);
      assert.equal(lines, 4);
    }
  });

  test('reports invalid UTF-8 at the column of the bad byte and goes on', () => {
    const bad = Buffer.concat([Buffer.from('{"ok":1}\n{"t":"é'), Buffer.from([0xff]), Buffer.from('x"}\n{"n":2}\n')]);
    for (const size of [1, 4, 1 << 20]) {
      const { events } = scan(cut(bad, size));
      assert.deepEqual(
        events,
        [
          ['line', 0, '{"ok":1}'],
          ['utf8', 1, 7, 0xff],
          ['line', 2, '{"n":2}'],
        ],
        `chunk size ${size}`,
      );
    }
  });

  test('a line over the cap is skipped without being buffered, then scanning goes on; its first 64 bytes are given', () => {
    const long = Buffer.concat([Buffer.from('{"a":1}\n{"x":"'), Buffer.alloc(5000, 0x61), Buffer.from('"}\n{"b":2}')]);
    // Small chunks (the head gathered from many held pieces), larger ones, and one chunk past the cap.
    for (const size of [7, 100, long.length]) {
      const { events } = scan(cut(long, size), 1000);
      assert.deepEqual(
        events,
        [
          ['line', 0, '{"a":1}'],
          ['long', 1, 5008, `{"x":"${'a'.repeat(58)}`],
          ['line', 2, '{"b":2}'],
        ],
        `chunks of ${size}`,
      );
    }
  });

  test('a long last line without a line break is reported too', () => {
    const { events } = scan(cut(Buffer.alloc(3000, 0x61), 256), 1000);
    assert.deepEqual(events, [['long', 0, 3000, 'a'.repeat(64)]]);
  });

  test('stops at the first NUL byte with one event', () => {
    const binary = Buffer.concat([Buffer.from('{"a":1}\n{"b"'), Buffer.alloc(10000, 0)]);
    const { events } = scan(cut(binary, 16));
    assert.deepEqual(events, [
      ['line', 0, '{"a":1}'],
      ['binary', 1],
    ]);
  });

  test('empty input has no line', () => {
    assert.deepEqual(scan([]), { events: [], lines: 0 });
    assert.deepEqual(scan([Buffer.from([0xef, 0xbb, 0xbf])]), { events: [], lines: 0 });
  });
});

suite('jsonl/firstInvalidUtf8', () => {
  test('finds stray, truncated, overlong and surrogate sequences', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('aé€😀', 'utf8')), -1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x80])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0xaf])), 0);
    assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0);
  });
});
