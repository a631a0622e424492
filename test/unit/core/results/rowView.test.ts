import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../../../src/core/results/markdown';
import { toResultRow } from '../../../../src/core/results/resultRow';
import { toDetailRow, toListRow } from '../../../../src/core/results/rowView';

function hrefs(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (xs: Inline[]) =>
    xs.forEach((x) => {
      if (x.t === 'link') {
        out.push(x.href);
      }
      if (x.t === 'strong' || x.t === 'em') {
        walk(x.c);
      }
    });
  for (const b of blocks) {
    if (b.t === 'p' || b.t === 'h' || b.t === 'quote') {
      walk(b.c);
    }
    if (b.t === 'ul' || b.t === 'ol') {
      b.items.forEach(walk);
    }
    if (b.t === 'table') {
      [b.head, ...b.rows].forEach((row) => row.forEach(walk));
    }
  }
  return out;
}

suite('results: markdown tree and the rows the view shows', () => {
  test('markdown becomes a tree of whitelisted nodes; HTML stays text', () => {
    assert.deepEqual(parseMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n```js\nx()\n```'), [
      { t: 'h', level: 1, c: [{ t: 'text', v: 'Title' }] },
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Some ' },
          { t: 'strong', c: [{ t: 'text', v: 'bold' }] },
          { t: 'text', v: ' and ' },
          { t: 'code', v: 'code' },
          { t: 'text', v: '.' },
        ],
      },
      { t: 'ul', items: [[{ t: 'text', v: 'one' }], [{ t: 'text', v: 'two' }]] },
      { t: 'pre', lang: 'js', v: 'x()' },
    ]);
    assert.deepEqual(parseMarkdown('<script>alert(1)</script>'), [
      { t: 'p', c: [{ t: 'text', v: '<script>alert(1)</script>' }] },
    ]);
  });

  test('only http(s) links keep a target; javascript: and data: become text', () => {
    assert.deepEqual(parseInline('[ok](https://example.com/a)'), [
      { t: 'link', v: 'ok', href: 'https://example.com/a' },
    ]);
    assert.deepEqual(parseInline('[x](javascript:alert(1))'), [
      { t: 'text', v: 'x (javascript:alert(1)' },
      { t: 'text', v: ')' },
    ]);
    assert.deepEqual(hrefs(parseMarkdown('[a](JavaScript:evil()) [b](data:text/html,hi) [c]( javascript:x)')), []);
    assert.deepEqual(hrefs(parseMarkdown('| [a](javascript:x) | [b](https://e.x) |\n|-|-|\n| [c](data:x) | d |')), [
      'https://e.x',
    ]);
  });

  test('any text parses, and every link target it keeps is http(s)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const href of hrefs(parseMarkdown(text))) {
          assert.match(href, /^https?:\/\//i);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('JSON answers are values to fold, images become data: URIs, other media only their type', () => {
    const row = toResultRow({
      key: 'k',
      response: {
        candidates: [
          {
            content: {
              parts: [
                { text: '{"a": [1, 2]}' },
                { text: 'thinking', thought: true },
                { inlineData: { mimeType: 'image/png', data: 'iVBORw0K' } },
                { inlineData: { mimeType: 'image/svg+xml', data: 'PHN2Zz4=' } },
                { inlineData: { mimeType: 'image/png', data: '"><script>' } },
              ],
            },
          },
        ],
      },
    });
    const detail = toDetailRow(0, row);
    assert.deepEqual(detail.parts[0], { kind: 'json', value: { a: [1, 2] }, thought: undefined });
    assert.equal(detail.parts[1].kind === 'markdown' && detail.parts[1].thought, true);
    assert.deepEqual(detail.parts[2], {
      kind: 'media',
      mimeType: 'image/png',
      bytes: 6,
      uri: undefined,
      play: 'image',
      src: 'data:image/png;base64,iVBORw0K',
    });
    assert.equal(detail.parts[3].kind === 'media' && detail.parts[3].src, undefined, 'SVG is not rendered');
    assert.equal(
      detail.parts[4].kind === 'media' && detail.parts[4].src,
      undefined,
      'data that is not base64 is not rendered',
    );
  });

  test('Gemini speech (raw L16 PCM) plays as a WAV with the rate of its media type', () => {
    const pcm = Buffer.from([1, 0, 2, 0]).toString('base64');
    const row = toResultRow({
      key: 'k',
      response: {
        candidates: [
          { content: { parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=16000', data: pcm } }] } },
        ],
      },
    });
    const part = toDetailRow(0, row).parts[0];
    assert.ok(part.kind === 'media' && part.play === 'audio' && part.src?.startsWith('data:audio/wav;base64,'));
    const wav = Buffer.from((part.src ?? '').slice('data:audio/wav;base64,'.length), 'base64');
    assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
    assert.equal(wav.readUInt32LE(24), 16000);
    assert.equal(wav.readUInt32LE(40), 4);
    assert.deepEqual([...wav.subarray(44)], [1, 0, 2, 0]);
  });

  test('Copy Answer copies the answer as text: thoughts left out, nothing for a failure', () => {
    const answered = toResultRow({
      key: 'k',
      response: {
        candidates: [{ content: { parts: [{ text: 'hidden', thought: true }, { text: '| a |\n|---|\n| 1 |' }] } }],
      },
    });
    assert.equal(toDetailRow(0, answered).copyText, '| a |\n|---|\n| 1 |');
    const failed = toResultRow({ key: 'k', error: { code: 3, message: 'bad', status: 'INVALID_ARGUMENT' } });
    assert.equal(toDetailRow(0, failed).copyText, undefined);
    const thoughtsOnly = toResultRow({
      key: 'k',
      response: { candidates: [{ content: { parts: [{ text: 't', thought: true }] } }] },
    });
    assert.equal(toDetailRow(0, thoughtsOnly).copyText, undefined);
  });

  test('list rows: answer snippet skips thoughts; failures show their message; embeddings their size', () => {
    const thought = toResultRow({
      key: 'k',
      response: { candidates: [{ content: { parts: [{ text: 'hmm', thought: true }, { text: 'Answer\n here' }] } }] },
    });
    assert.equal(toListRow(0, thought, 'the prompt').answer, 'Answer here');
    assert.equal(toListRow(0, thought, 'the prompt').prompt, 'the prompt');
    const failure = toResultRow({ key: 'k', error: { code: 3, message: 'bad request', status: 'INVALID_ARGUMENT' } });
    assert.deepEqual(
      [toListRow(1, failure).answer, toListRow(1, failure).errorCode],
      ['bad request', 'INVALID_ARGUMENT'],
    );
    const embedding = toResultRow({ key: 'e', response: { embedding: { values: [0.6, 0.8, 0] } } });
    assert.equal(toListRow(2, embedding).answer, 'embedding · 3 dimensions');
  });
});
