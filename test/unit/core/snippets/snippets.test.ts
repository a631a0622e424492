import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchKind } from '../../../../src/core/batchKind';
import { parseSnippets } from '../../../../src/core/snippets/batchSnippets';
import { DocumentValidator } from '../../../../src/core/validation';

/**
 * Expands a VS Code snippet body the way accepting every default would: `${1:default}` → default (nested ones too),
 * `${1|a,b|}` → a, `$1`/`$0`/`${1}` → '', a variable (`${TM_LINE_NUMBER}`, `$TM_LINE_NUMBER`) → its value in `vars`,
 * and the `\$`, `\}`, `\\` escapes → the character.
 */
function expandDefaults(body: string, vars: Record<string, string> = { TM_LINE_NUMBER: '1' }): string {
  let out = '';
  let i = 0;
  const stack: number[] = []; // nesting depth of open `${n:` placeholders
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$') {
      const rest = body.slice(i);
      const choice = /^\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^|\\]|\\.)*)*\|\}/.exec(rest);
      const open = /^\$\{\d+:/.exec(rest);
      const bare = /^\$(?:\d+|\{\d+\})/.exec(rest);
      const variable = /^\$(?:\{([A-Z_]+)\}|([A-Z_]+))/.exec(rest);
      if (variable) {
        const name = variable[1] ?? variable[2];
        assert.ok(name in vars, `a known variable: ${name}`);
        out += vars[name];
        i += variable[0].length;
      } else if (choice) {
        out += choice[1].replace(/\\(.)/g, '$1');
        i += choice[0].length;
      } else if (open) {
        stack.push(1);
        i += open[0].length;
      } else if (bare) {
        i += bare[0].length;
      } else {
        out += c;
        i++;
      }
    } else if (c === '}' && stack.length > 0) {
      stack.pop();
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const snippetsFile = path.join(__dirname, '../../../../snippets/jsonl.code-snippets');
const parsed = parseSnippets(fs.readFileSync(snippetsFile, 'utf8'));
assert.ok(parsed.ok, 'the snippets file parses (JSONC) into batch snippets');
const snippets = parsed.snippets;

/** The kind each snippet's name promises: its declared `kind` must agree. */
function expectedKind(name: string): BatchKind {
  if (name.startsWith('OpenAI')) {
    return 'openai';
  }
  return name.includes('embedding') ? 'gemini-embed' : 'gemini-generate';
}

suite('snippets/jsonl.code-snippets', () => {
  test('the expander resolves defaults, choices, tab stops, variables and escapes', () => {
    assert.equal(expandDefaults('a ${1:x ${2:y}} $0 ${3|p,q|} \\$ ${4} $5'), 'a x y  p $  ');
    assert.equal(expandDefaults('${1:k-${TM_LINE_NUMBER}} $TM_LINE_NUMBER', { TM_LINE_NUMBER: '7' }), 'k-7 7');
  });

  test('offers a snippet for each of the eight line shapes', () => {
    assert.equal(snippets.length, 8);
  });

  test("the README's Snippets entry names real prefixes, and every snippet", () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const entry = /^- \*\*Snippets\*\*[\s\S]*?(?=\n- )/m.exec(readme);
    assert.ok(entry, 'README has a Snippets entry');
    const named = [...entry[0].matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]).filter((n) => n !== 'file_data');
    const prefixes = snippets.flatMap((s) => s.prefixes);
    assert.deepEqual(
      named.filter((n) => !prefixes.includes(n) && n !== 'responseSchema'),
      [],
      'names in the README that no snippet has',
    );
    for (const snippet of snippets) {
      assert.ok(
        snippet.prefixes.some((p) => named.includes(p)),
        `the README names ${snippet.name}`,
      );
    }
  });

  test('two snippets taken on two lines give two keys: no duplicate-key error from the defaults alone', () => {
    for (const snippet of snippets) {
      const [first, second] = ['1', '2'].map((n) => JSON.parse(expandDefaults(snippet.body, { TM_LINE_NUMBER: n })));
      const id = (line: Record<string, unknown>) => line.key ?? line.custom_id;
      assert.notEqual(id(first), id(second), snippet.name);
    }
  });

  for (const snippet of snippets) {
    const name = snippet.name;
    test(`"${name}" expands to one line of JSON that validates clean as ${expectedKind(name)}`, () => {
      assert.equal(snippet.kind, expectedKind(name), 'its declared kind');
      const line = expandDefaults(snippet.body);
      assert.ok(!line.includes('\n'), 'the body is one line');
      assert.doesNotThrow(() => JSON.parse(line), 'the expanded body is JSON');
      const validator = new DocumentValidator({ kind: 'auto' });
      validator.setText(line);
      for (let guard = 0; !validator.step(1000); guard++) {
        assert.ok(guard < 100, 'validation finishes');
      }
      assert.equal(validator.kind, snippet.kind);
      assert.deepEqual(validator.issues(), []);
    });
  }
});
