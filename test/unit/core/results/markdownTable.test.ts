import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown } from '../../../../src/core/results/markdown';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, pipeCells } from '../../../../src/core/results/markdownTable';

const text = (v: string) => [{ t: 'text', v }];

suite('results: markdown pipe tables', () => {
  test('a header, a delimiter with alignments, and body rows become a table; the text around stays', () => {
    const blocks = parseMarkdown(
      'Totals:\n| Item | Qty | Price |\n|:-----|:---:|------:|\n| **tea** | 2 | 3.50 |\n| a \\| b | 1 |\nAfter.',
    );
    assert.deepEqual(blocks, [
      { t: 'p', c: text('Totals:') },
      {
        t: 'table',
        align: ['left', 'center', 'right'],
        head: [text('Item'), text('Qty'), text('Price')],
        rows: [
          [[{ t: 'strong', c: text('tea') }], text('2'), text('3.50')],
          // A short row is padded to the header's width; `\|` is a literal pipe.
          [text('a | b'), text('1'), []],
        ],
      },
      { t: 'p', c: text('After.') },
    ]);
  });

  test('without a matching delimiter row, pipes are text', () => {
    assert.deepEqual(parseMarkdown('a | b\nc | d'), [{ t: 'p', c: text('a | b\nc | d') }]);
    // A delimiter with fewer cells than the header is not one (GFM).
    assert.equal(parseMarkdown('| a | b |\n|---|\n| 1 | 2 |')[0].t, 'p');
    assert.equal(parseMarkdown('| a |\n|---|\n')[0].t, 'table');
    assert.deepEqual(pipeCells('no pipe here'), undefined);
  });

  test('a hostile table is bounded in columns and rows', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: MAX_TABLE_ROWS + 10 }, () => `| ${wide.slice(0, 3).join(' | ')} |`);
    const md = `| ${wide.join(' | ')} |\n|${wide.map(() => '-').join('|')}|\n${rows.join('\n')}`;
    const [first, ...rest] = parseMarkdown(md);
    assert.ok(first.t === 'table');
    assert.equal(first.head.length, MAX_TABLE_COLUMNS);
    assert.equal(first.align.length, MAX_TABLE_COLUMNS);
    assert.equal(first.rows.length, MAX_TABLE_ROWS);
    assert.ok(first.rows.every((r) => r.length === MAX_TABLE_COLUMNS));
    // The rows past the bound are not lost: they read as a paragraph after the table.
    assert.equal(rest.length, 1);
    assert.equal(rest[0].t, 'p');
  });

  test('any text made of table pieces parses, and every table is rectangular', () => {
    const piece = fc.constantFrom('|', '-', ':', ' ', 'a', '\\', '\n', '**', '`', '[x](https://e.x)');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        for (const b of parseMarkdown(pieces.join(''))) {
          if (b.t === 'table') {
            assert.equal(b.align.length, b.head.length);
            assert.ok(b.rows.every((r) => r.length === b.head.length));
          }
        }
      }),
    );
  });
});
