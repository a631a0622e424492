import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePath } from '../../../src/emulator/http/pathTemplate';
import { matchRoute } from '../../../src/emulator/http/routes';
import type { Surface } from '../../../src/emulator/http/surface';

/** The route a request lands on, as `pattern {params}`, or `404`. `path` is split on `/` (each part one segment). */
function routed(method: string, surface: Surface, path: string | string[]): string {
  const m = matchRoute(method, surface, Array.isArray(path) ? path : path.split('/'));
  return m ? `${String(m.pattern)} ${JSON.stringify(m.params)}` : '404';
}

const segmentChars = fc.constantFrom(...'ab:/%.-_ é'.split(''));
const segment = fc.array(segmentChars, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

suite('emulator: path templates', () => {
  test('literals, {id} (no colon), {id*} (any), {id}:verb split at the last colon, {v=a|b} (listed values only)', () => {
    assert.deepEqual(compilePath('files/{id}')(['files', 'abc']), { id: 'abc' });
    assert.equal(compilePath('files/{id}')(['files', 'a:b']), undefined);
    assert.deepEqual(compilePath('files/{id*}')(['files', 'a:b']), { id: 'a:b' });
    assert.deepEqual(compilePath('files/{id}:download')(['files', 'a:b:download']), { id: 'a:b' });
    assert.equal(compilePath('files/{id}:download')(['files', 'a:download:x']), undefined);
    assert.deepEqual(compilePath('{v=v1|v1beta}/models/{m}:{verb}')(['v1', 'models', 'g:x']), {
      v: 'v1',
      m: 'g',
      verb: 'x',
    });
    assert.equal(compilePath('{v=v1|v1beta}/models')(['v2', 'models']), undefined);
    assert.equal(compilePath('files')(['files', 'x']), undefined, 'segment counts must agree');
    assert.deepEqual(compilePath(/^(?<e>chat\/completions)$/)(['chat/completions']), { e: 'chat/completions' });
  });

  test('property: {a}:{b} splits any segment holding a colon at its last one; {a} takes exactly the colon-free ones', () => {
    fc.assert(
      fc.property(segment, (s) => {
        const split = compilePath('{a}:{b}')([s]);
        const whole = compilePath('{a}')([s]);
        if (s.includes(':')) {
          assert.ok(split && `${split.a}:${split.b}` === s && !split.b.includes(':'));
          assert.equal(whole, undefined);
        } else {
          assert.equal(split, undefined);
          assert.deepEqual(whole, { a: s });
        }
      }),
    );
  });
});

suite('emulator: the route table', () => {
  test('Gemini paths: files, batches, webhooks, models, uploads and downloads; wrong methods and verbs are 404', () => {
    assert.match(routed('POST', 'gemini', 'upload/v1beta/files'), /^upload\/.*"v":"v1beta"/);
    assert.match(routed('GET', 'gemini', 'download/v1/files/abc:download'), /"id":"abc"/);
    assert.equal(routed('GET', 'gemini', 'download/v1/files/abc'), '404');
    assert.match(routed('GET', 'gemini', 'v1beta/files/a:b:download'), /:download .*"id":"a:b"/);
    assert.match(routed('DELETE', 'gemini', 'v1beta/files/abc'), /files\/\{id\} /);
    assert.equal(routed('POST', 'gemini', 'v1beta/files/abc'), '404');
    assert.equal(routed('GET', 'gemini', 'v1beta/files/abc:cancel'), '404');
    assert.equal(routed('GET', 'gemini', 'v1beta/files/a/b'), '404');
    assert.match(routed('POST', 'gemini', 'v1beta/batches/x:cancel'), /:cancel .*"id":"x"/);
    assert.equal(routed('GET', 'gemini', 'v1beta/batches/x:cancel'), '404');
    assert.match(routed('GET', 'gemini', 'v1beta/webhooks/a:b'), /"id":"a:b"/);
    assert.match(
      routed('POST', 'gemini', 'v1beta/models/gemini-2.5-flash:batchGenerateContent'),
      /batchGenerateContent\|.*"verb":"batchGenerateContent"/,
    );
    assert.match(routed('POST', 'gemini', 'v1/models/m:countTokens'), /\{verb\} .*"verb":"countTokens"/);
    assert.equal(routed('GET', 'gemini', 'v1beta/models/m:generateContent'), '404');
    assert.equal(routed('GET', 'gemini', 'v2/files'), '404');
    assert.equal(routed('PUT', 'gemini', 'v1beta/files'), '404');
  });

  test('OpenAI paths on /v1/ and the compat layer (no Files API there); the sync endpoints answer POST only', () => {
    assert.match(routed('POST', 'openai', 'v1/batches'), /^batches /);
    assert.match(routed('POST', 'openai-compat', 'v1beta/openai/batches/batch_1/cancel'), /cancel .*"id":"batch_1"/);
    assert.equal(routed('GET', 'openai', 'v1/batches/batch_1/cancel'), '404');
    assert.match(routed('GET', 'openai', 'v1/files/file-1/content'), /content .*"id":"file-1"/);
    assert.equal(routed('GET', 'openai', 'v1/files/file-1/other'), '404');
    assert.match(
      routed('PUT', 'openai-compat', 'v1beta/openai/files/x'),
      /^files\/\{id\*\} /,
      'answered by the 404 that explains the compat layer',
    );
    assert.match(routed('POST', 'openai', 'v1/images/edits'), /"endpoint":"images\/edits"/);
    assert.match(
      routed('POST', 'openai', ['v1', 'chat/completions']),
      /"endpoint":"chat\/completions"/,
      'a decoded %2F joins as before',
    );
    assert.equal(routed('GET', 'openai', 'v1/chat/completions'), '404');
    assert.equal(routed('POST', 'openai', 'v1/chat/completions/x'), '404');
    assert.match(routed('GET', 'openai', 'v1/models/gpt-4o'), /"id":"gpt-4o"/);
  });

  test("property: a matched route's parameters, put back into its template, give the path it matched", () => {
    const prefixes: Record<Surface, string[]> = { gemini: [], openai: ['v1'], 'openai-compat': ['v1beta', 'openai'] };
    const words = fc.constantFrom(
      'v1',
      'v1beta',
      'files',
      'batches',
      'models',
      'webhooks',
      'upload',
      'download',
      'content',
      'cancel',
      'chat',
      'completions',
      'x:download',
      'm:batchGenerateContent',
    );
    const rest = fc.array(fc.oneof(segment, words), { maxLength: 4 });
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
        fc.constantFrom<Surface>('gemini', 'openai', 'openai-compat'),
        rest,
        (method, surface, tail) => {
          const m = matchRoute(method, surface, [...prefixes[surface], ...tail]);
          if (m) {
            const rebuilt =
              typeof m.pattern === 'string'
                ? m.pattern
                    .split('/')
                    .map((seg) => seg.replace(/\{(\w+)[^}]*\}/g, (_all, name: string) => m.params[name]))
                : [m.params.endpoint];
            assert.equal(rebuilt.join('/'), tail.join('/'));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
