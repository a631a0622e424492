import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isErrorShape, rawRequest, withEmulator } from './helpers';

/** Characters that make request-targets interesting: delimiters, escapes, brackets, controls. */
const TARGET_CHARS = fc.constantFrom(
  ..."/:[]%?#@!$&'()*+,;=~-._ azAZ09\t\x00\x7f\u00e9".split(''),
  '%zz',
  '%2F',
  '..',
  '//',
  'v1beta',
  'v1',
  'upload',
  'files',
  'batches',
  'models',
  'emulator',
  'openai',
  'http://',
  ':batchGenerateContent',
  'upload_id=',
);
const target = fc.oneof(
  fc.array(TARGET_CHARS, { maxLength: 24 }).map((parts) => parts.join('')),
  fc.webPath(),
  fc.webUrl(),
  fc.string({ maxLength: 40 }),
);
const METHODS = fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'TRACE', 'FOO');
const HEADER_NAMES = fc.constantFrom(
  'content-type',
  'x-goog-api-key',
  'authorization',
  'x-goog-upload-command',
  'x-goog-upload-offset',
  'x-goog-upload-protocol',
  'x-goog-upload-header-content-length',
  'x-goog-upload-header-content-type',
  'x-custom',
  'transfer-encoding-x',
  'origin',
  'sec-fetch-site',
);
/** Header values without CR/LF (those would change the message's framing, which is Node's parser's business). */
const headerValue = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' '));
const body = fc.oneof(fc.constant(''), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 80 }));

/** Keys a create body has, plus names that trip naive code (`__proto__`, `constructor`, `toString`). */
const KEYS = fc.constantFrom(
  'batch',
  'displayName',
  'display_name',
  'inputConfig',
  'input_config',
  'fileName',
  'file_name',
  'requests',
  'request',
  'priority',
  'metadata',
  'contents',
  'parts',
  'text',
  'input_file_id',
  'endpoint',
  'completion_window',
  'custom_id',
  'method',
  'url',
  'body',
  'model',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'file',
  'name',
  'sizeBytes',
  'mimeType',
);
const VALUES = [
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('24h', '/v1/chat/completions', 'files/x', 'user', '-1', '0x0'),
];
/** Any value where a field's value goes, objects such as `{"toString": "x"}` included (they broke `String(v)`). */
const fieldValue = fc.oneof(
  ...VALUES,
  fc.constantFrom({ toString: 'x' }, { valueOf: {} }, { toString: {}, valueOf: 1 }),
  fc.object({ key: KEYS, values: VALUES, maxDepth: 2, maxKeys: 3 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
);
const createBody = fc.oneof(
  fc.record(
    {
      batch: fc.record(
        {
          displayName: fieldValue,
          priority: fieldValue,
          inputConfig: fc.oneof(
            fieldValue,
            fc.record(
              { fileName: fieldValue, requests: fc.oneof(fieldValue, fc.record({ requests: fieldValue })) },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
      input_file_id: fieldValue,
      endpoint: fc.oneof(fieldValue, fc.constant('/v1/chat/completions')),
      completion_window: fc.oneof(fieldValue, fc.constant('24h')),
      metadata: fieldValue,
    },
    { requiredKeys: [] },
  ),
  fc.object({ key: KEYS, values: VALUES, maxDepth: 5, maxKeys: 5 }),
  fc.object({ key: KEYS, values: VALUES, maxDepth: 5, maxKeys: 5 }).map((batch) => ({ batch })),
  fc.jsonValue({ maxDepth: 3 }),
);

suite(
  'emulator: properties (fast-check): no input stops it, client errors are 4xx in the error shape, state only changes on success',
  () => {
    const env = withEmulator({ jobSeconds: 600 }, 'props');
    const stateCount = (): number =>
      ['files', 'jobs', 'uploads'].reduce((n, d) => n + readdirSync(path.join(env.dir, 'data', d)).length, 0);

    test('random request-targets, methods, headers and bodies to the router', async () => {
      await fc.assert(
        fc.asyncProperty(
          METHODS,
          target,
          fc.array(fc.tuple(HEADER_NAMES, headerValue), { maxLength: 5 }),
          body,
          fc.boolean(),
          async (method, t, headers, text, validHost) => {
            const port = env.emu.port;
            const lines = [
              `${method} ${t} HTTP/1.1`,
              `Host: ${validHost ? `127.0.0.1:${port}` : `h${port}`}`,
              ...headers.map(([k, v]) => `${k}: ${v}`),
              `Content-Length: ${Buffer.byteLength(text)}`,
              'Connection: close',
            ];
            const before = stateCount();
            const answer = await rawRequest(port, `${lines.join('\r\n')}\r\n\r\n${text}`);
            assert.ok(
              answer.status >= 200 && answer.status < 500,
              `status ${answer.status} for ${JSON.stringify(lines)}: ${answer.body.slice(0, 300)}`,
            );
            if (answer.status >= 400 && method !== 'HEAD') {
              assert.ok(isErrorShape(answer.body, answer.status), `${answer.status} ${answer.body.slice(0, 300)}`);
            }
            if (answer.status >= 400) {
              assert.equal(stateCount(), before, 'a refused request changed the stored state');
            }
          },
        ),
        { numRuns: 300 },
      );
      assert.equal((await fetch(`${env.emu.baseUrl}/emulator/health`)).status, 200);
      const faults = (await (await fetch(`${env.emu.baseUrl}/emulator/faults`)).json()) as {
        faults: Record<string, unknown>;
      };
      assert.ok(
        Object.keys(faults.faults).every((k) => k === 'seed'),
        JSON.stringify(faults),
      ); // a random POST may set only harmless settings
    });

    for (const [label, p, headers] of [
      ['Gemini batch create', '/v1beta/models/gemini-2.5-flash:batchGenerateContent', { 'x-goog-api-key': 'k' }],
      [
        'Gemini embed batch create',
        '/v1/models/gemini-embedding-001:asyncBatchEmbedContent',
        { 'x-goog-api-key': 'k' },
      ],
      ['OpenAI batch create', '/v1/batches', { authorization: 'Bearer k' }],
      ['compat batch create', '/v1beta/openai/batches', { authorization: 'Bearer k' }],
    ] as const) {
      test(`random JSON to the ${label}: a 4xx in the error shape, and no new job`, async () => {
        await fc.assert(
          fc.asyncProperty(createBody, async (value) => {
            const before = stateCount();
            const res = await fetch(`${env.emu.baseUrl}${p}`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(value),
            });
            const text = await res.text();
            assert.ok(
              res.status >= 400 && res.status < 500,
              `${res.status} for ${JSON.stringify(value)}: ${text.slice(0, 300)}`,
            );
            assert.ok(isErrorShape(text, res.status), text.slice(0, 300));
            assert.equal(stateCount(), before);
          }),
          { numRuns: 150 },
        );
      });
    }

    test('random JSON to the synchronous endpoints: never a 5xx, errors in the error shape', async () => {
      const endpoints = fc.constantFrom<[string, Record<string, string>]>(
        ['/v1beta/models/gemini-2.5-flash:generateContent', { 'x-goog-api-key': 'k' }],
        ['/v1beta/models/gemini-embedding-001:embedContent', { 'x-goog-api-key': 'k' }],
        ['/v1beta/models/gemini-2.5-flash:countTokens', { 'x-goog-api-key': 'k' }],
        ['/v1/chat/completions', { authorization: 'Bearer k' }],
        ['/v1/embeddings', { authorization: 'Bearer k' }],
        ['/v1/responses', { authorization: 'Bearer k' }],
        ['/v1beta/openai/chat/completions', { authorization: 'Bearer k' }],
      );
      const syncBody = fc.oneof(
        createBody,
        fc.record(
          {
            model: fieldValue,
            messages: fc.oneof(
              fieldValue,
              fc.array(fc.record({ role: fieldValue, content: fieldValue }, { requiredKeys: [] }), { maxLength: 2 }),
            ),
            input: fieldValue,
            contents: fieldValue,
            content: fieldValue,
            generationConfig: fieldValue,
            response_format: fieldValue,
          },
          { requiredKeys: [] },
        ),
      );
      await fc.assert(
        fc.asyncProperty(endpoints, syncBody, async ([p, headers], value) => {
          const res = await fetch(`${env.emu.baseUrl}${p}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(value),
          });
          const text = await res.text();
          assert.ok(res.status < 500, `${res.status} for ${p} ${JSON.stringify(value)}: ${text.slice(0, 300)}`);
          if (res.status >= 400) {
            assert.ok(isErrorShape(text, res.status), text.slice(0, 300));
          }
        }),
        { numRuns: 300 },
      );
    });

    test('random JSON lines in an input file: the create answers 200 or a 400 naming lines, never 500', async () => {
      const lineValue = fc.oneof(
        fc.object({ key: KEYS, values: VALUES, maxDepth: 4, maxKeys: 4 }).map((request) => ({ key: 'k', request })),
        fc.object({ key: KEYS, values: VALUES, maxDepth: 4, maxKeys: 4 }),
        fc.jsonValue({ maxDepth: 2 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(lineValue, { minLength: 1, maxLength: 4 }), async (values) => {
          const ai = env.genai();
          const file = await ai.files.upload({
            file: new Blob([values.map((v) => JSON.stringify(v)).join('\n')]),
            config: { mimeType: 'jsonl' },
          });
          const jobs = readdirSync(path.join(env.dir, 'data', 'jobs')).length;
          const res = await fetch(`${env.emu.baseUrl}/v1beta/models/gemini-2.5-flash:batchGenerateContent`, {
            method: 'POST',
            headers: { 'x-goog-api-key': 'k' },
            body: JSON.stringify({ batch: { inputConfig: { fileName: file.name } } }),
          });
          const text = await res.text();
          assert.ok(
            res.status === 200 || res.status === 400,
            `${res.status} for ${JSON.stringify(values)}: ${text.slice(0, 300)}`,
          );
          if (res.status === 400) {
            assert.ok(isErrorShape(text, 400));
            assert.equal(readdirSync(path.join(env.dir, 'data', 'jobs')).length, jobs);
          }
          await ai.files.delete({ name: file.name! });
        }),
        { numRuns: 60 },
      );
    });
  },
);
