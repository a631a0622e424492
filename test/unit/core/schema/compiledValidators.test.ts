import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compiledSchema } from '../../../../src/core/schema/validators';

const ROOT = path.join(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain CommonJS
const { compileValidators, KINDS } = require('../../../../scripts/compile-validators.js') as {
  compileValidators(o?: { force?: boolean }): string[];
  KINDS: string[];
};

suite('schema: the precompiled validators', () => {
  test('one generated module per kind, from the real schema, with a .d.ts', () => {
    for (const kind of KINDS) {
      const js = fs.readFileSync(path.join(ROOT, 'src', 'core', 'schema', 'generated', `${kind}.js`), 'utf8');
      assert.match(js, new RegExp(`from schemas/${kind}\\.schema\\.json\\.`));
      assert.ok(fs.existsSync(path.join(ROOT, 'src', 'core', 'schema', 'generated', `${kind}.d.ts`)));
    }
  });

  test('compiling again when nothing changed does nothing', function () {
    this.timeout(60_000);
    compileValidators();
    assert.deepEqual(compileValidators(), []);
  });

  test('each kind validates fast (first error) and in full (every error), and carries its annotations', () => {
    const gemini = compiledSchema('gemini-generate');
    assert.equal(gemini.isValid({ key: 'a', request: { contents: [{ parts: [{ text: 'Hi' }] }] } }), true);
    const bad = { key: 1, request: { contents: 'x', thinking_config: {} } };
    assert.equal(gemini.isValid(bad), false);
    assert.ok(gemini.allErrors(bad).length >= 3);
    assert.equal(typeof (gemini.annotations.definitions as Record<string, unknown>).Content, 'object');
    // Prose is stripped from what the runtime carries.
    assert.doesNotMatch(JSON.stringify(gemini.annotations), /"markdownDescription"/);
    assert.equal(
      compiledSchema('openai').isValid({
        custom_id: 'r',
        method: 'POST',
        url: '/v1/embeddings',
        body: { model: 'm', input: 'x' },
      }),
      true,
    );
    assert.equal(
      compiledSchema('gemini-embed').isValid({ key: 'a', request: { content: { parts: [{ text: 'x' }] } } }),
      true,
    );
  });
});
