import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchKind } from '../../../src/core/batchKind';
import { DocumentValidator } from '../../../src/core/validation';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/**
 * Expands a VS Code snippet body the way accepting every default would: `${1:default}` → default (nested ones too),
 * `${1|a,b|}` → a, `$1`/`$0`/`${1}` → '', and the `\$`, `\}`, `\\` escapes → the character.
 */
function expandDefaults(body: string): string {
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
      if (choice) {
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

const snippetsFile = path.join(__dirname, '..', '..', '..', 'snippets', 'jsonl.code-snippets');
const snippets = JSON.parse(fs.readFileSync(snippetsFile, 'utf8')) as Record<string, Snippet>;

/** The kind each snippet's line must be detected and validated as. */
function expectedKind(name: string): BatchKind {
  if (name.startsWith('OpenAI')) {
    return 'openai';
  }
  return name.includes('embedding') ? 'gemini-embed' : 'gemini-generate';
}

suite('snippets/jsonl.code-snippets', () => {
  test('the expander resolves defaults, choices, tab stops and escapes', () => {
    assert.equal(expandDefaults('a ${1:x ${2:y}} $0 ${3|p,q|} \\$ ${4} $5'), 'a x y  p $  ');
  });

  test('offers a snippet for each of the eight line shapes', () => {
    assert.equal(Object.keys(snippets).length, 8);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`"${name}" expands to one line of JSON that validates clean as ${expectedKind(name)}`, () => {
      assert.equal(typeof snippet.body, 'string', 'the body is one line');
      const line = expandDefaults(snippet.body as string);
      assert.ok(!line.includes('\n'), 'the body is one line');
      assert.doesNotThrow(() => JSON.parse(line), 'the expanded body is JSON');
      const validator = new DocumentValidator({ kind: 'auto' });
      validator.setText(line);
      for (let guard = 0; !validator.step(1000); guard++) {
        assert.ok(guard < 100, 'validation finishes');
      }
      assert.equal(validator.kind, expectedKind(name));
      assert.deepEqual(validator.issues(), []);
    });
  }
});
