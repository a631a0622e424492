import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchKind } from '../../../../src/core/batchKind';
import {
  orderSnippets,
  parseSnippets,
  snippetWordStart,
  type BatchSnippet,
} from '../../../../src/core/snippets/batchSnippets';

const snippetsFile = path.join(__dirname, '../../../../snippets/jsonl.code-snippets');

function shipped(): BatchSnippet[] {
  const parsed = parseSnippets(fs.readFileSync(snippetsFile, 'utf8'));
  assert.ok(parsed.ok);
  return parsed.snippets;
}

/** The kinds in the order a user sees them (sorted by sortText, as the suggest widget does with nothing typed). */
function kindsSeen(kind: BatchKind | undefined): BatchKind[] {
  const items = orderSnippets(shipped(), kind).sort((a, b) => a.sortText.localeCompare(b.sortText));
  const kinds: BatchKind[] = [];
  for (const item of items) {
    if (kinds[kinds.length - 1] !== item.snippet.kind) {
      kinds.push(item.snippet.kind);
    }
  }
  return kinds;
}

suite('snippets: offered for the file kind first', () => {
  test('a Gemini generate file: generate, then embed, then OpenAI', () => {
    assert.deepEqual(kindsSeen('gemini-generate'), ['gemini-generate', 'gemini-embed', 'openai']);
  });

  test('an OpenAI file: OpenAI first, then the Gemini kinds', () => {
    assert.deepEqual(kindsSeen('openai'), ['openai', 'gemini-generate', 'gemini-embed']);
  });

  test('an embed file: embed first', () => {
    assert.deepEqual(kindsSeen('gemini-embed'), ['gemini-embed', 'gemini-generate', 'openai']);
  });

  test('an undecided file keeps the default order and preselects nothing', () => {
    assert.deepEqual(kindsSeen(undefined), ['gemini-generate', 'gemini-embed', 'openai']);
    assert.ok(orderSnippets(shipped(), undefined).every((s) => !s.preselect));
  });

  test('every prefix is offered once, and only the first item of the kind is preselected', () => {
    const items = orderSnippets(shipped(), 'openai');
    const prefixes = items.map((i) => i.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    assert.deepEqual(
      prefixes.sort(),
      shipped()
        .flatMap((s) => s.prefixes)
        .sort(),
    );
    assert.deepEqual(
      items.filter((i) => i.preselect).map((i) => i.prefix),
      ['openai-chat'],
    );
  });

  test('file order within a kind', () => {
    const generate = orderSnippets(shipped(), 'gemini-generate')
      .filter((i) => i.snippet.kind === 'gemini-generate')
      .map((i) => i.prefix);
    assert.deepEqual(generate.slice(0, 3), ['batch-text', 'gemini-text', 'batch-system']);
  });
});

suite('snippets: the snippets file', () => {
  test('a snippet without a known kind is refused, by name', () => {
    const text = '{"a": {"prefix": "x", "kind": "gemini", "body": "{}"}}';
    assert.deepEqual(parseSnippets(text), { ok: false, code: 'shape', at: 'a' });
  });

  test('comments are allowed (JSONC), broken JSON is refused', () => {
    const ok = parseSnippets('{\n// why\n"a": {"prefix": ["x", "y"], "kind": "openai", "body": "{}"}}');
    assert.ok(ok.ok && ok.snippets[0].prefixes.length === 2);
    assert.equal(parseSnippets('{"a": ').ok, false);
  });
});

suite('snippets: where they are offered', () => {
  test('an empty line, or one holding only the word being typed', () => {
    assert.equal(snippetWordStart('', 0), 0);
    assert.equal(snippetWordStart('   ', 3), 3);
    assert.equal(snippetWordStart('batch-te', 8), 0);
    assert.equal(snippetWordStart('  openai', 8), 2);
  });

  test('not inside a line, nor before text', () => {
    assert.equal(snippetWordStart('{"key": "a", ', 13), undefined);
    assert.equal(snippetWordStart('batch {"key"}', 5), undefined);
    assert.equal(snippetWordStart('{', 1), undefined);
  });
});
