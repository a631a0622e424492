import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvParser } from '../../../../src/core/build';

function parseAll(
  text: string,
  chunkSizes: number[] = [],
  delimiter: ',' | '\t' = ',',
): Array<{ fields: string[]; unterminated?: boolean }> {
  const parser = new CsvParser(delimiter);
  const out = [];
  let at = 0;
  for (const size of chunkSizes) {
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  out.push(...parser.push(text.slice(at)), ...parser.end());
  return out;
}

/** RFC 4180 writing: every field quoted, quotes doubled, CRLF between records. */
function writeCsv(rows: string[][], delimiter = ','): string {
  return rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n');
}

suite('CsvParser (RFC 4180)', () => {
  test('quotes, doubled quotes, embedded line breaks and delimiters, BOM, CRLF and LF', () => {
    const text = '\uFEFFid,text\r\n1,"He said ""hi"", then left"\r\n2,"two\r\nlines"\n3,plain\n';
    assert.deepEqual(
      parseAll(text).map((r) => r.fields),
      [
        ['id', 'text'],
        ['1', 'He said "hi", then left'],
        ['2', 'two\r\nlines'],
        ['3', 'plain'],
      ],
    );
  });

  test('empty fields, a last line without a break, blank lines skipped, quotes inside an unquoted field kept', () => {
    assert.deepEqual(
      parseAll('a,,c\n\n,\nx"y,z').map((r) => r.fields),
      [
        ['a', '', 'c'],
        ['', ''],
        ['x"y', 'z'],
      ],
    );
  });

  test('a quoted field never closed is reported on the last record', () => {
    assert.deepEqual(parseAll('a,b\n1,"open\n2,3\n'), [
      { fields: ['a', 'b'] },
      { fields: ['1', 'open\n2,3\n'], unterminated: true },
    ]);
  });

  test('TSV: tab as the delimiter', () => {
    assert.deepEqual(
      parseAll('a\tb\n1,2\t"x\ty"\n', [], '\t').map((r) => r.fields),
      [
        ['a', 'b'],
        ['1,2', 'x\ty'],
      ],
    );
  });

  test('property: any table written as RFC 4180 and fed in any chunks parses back to itself', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\r', ' ', '\t', '\uFEFF'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 30 }),
        fc.boolean(),
        (rows, chunks, trailingBreak) => {
          const text = writeCsv(rows) + (trailingBreak ? '\r\n' : '');
          assert.deepEqual(
            parseAll(text, chunks).map((r) => r.fields),
            rows,
          );
        },
      ),
    );
  });

  test('property: any text, in any chunks, never crashes and gives the same records as in one piece', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\uFEFF'), maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 20 }),
        (text, chunks) => {
          assert.deepEqual(parseAll(text, chunks), parseAll(text));
        },
      ),
    );
  });
});
