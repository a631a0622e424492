import * as assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as yaml from 'js-yaml';
import type { BatchCreateParams } from 'openai/resources/batches';
import {
  OPENAI_BATCH_ENDPOINTS,
  OPENAI_DEFAULT_MODELS,
  type OpenAIBatchEndpoint,
} from '../../../src/core/openaiEndpoints';
import { runOpenAI } from '../../../src/emulator/openai/openaiModel';
import { validateLine } from '../../../src/core/validation';
import { sanitize } from '../../../scripts/schemaSources/openapiSanitize';
import { pollUntil, withEmulator, writeJsonl } from '../emulator/helpers';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SPEC = path.join(REPO_ROOT, 'reference', 'openai-openapi.yaml');

// Checked by `npm run check-types`: the list is exactly the `endpoint` union of the installed openai SDK.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SAME_AS_SDK: Same<OpenAIBatchEndpoint, BatchCreateParams['endpoint']> = true;

/** A small body each endpoint takes (openai-openapi.yaml: the required properties of its JSON request body). */
const BODIES: Readonly<Record<OpenAIBatchEndpoint, Record<string, unknown>>> = {
  '/v1/chat/completions': { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] },
  '/v1/embeddings': { model: 'text-embedding-3-small', input: 'Hello', dimensions: 4 },
  '/v1/responses': { model: 'gpt-4o-mini', input: 'Hello' },
  '/v1/completions': { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test' },
  '/v1/moderations': { input: ['I want to pet a cat', 'and a dog'] },
  '/v1/images/generations': { model: 'gpt-image-1', prompt: 'A cute baby sea otter', n: 2 },
  '/v1/images/edits': { prompt: 'Add a hat', images: [{ image_url: 'https://example.com/otter.png' }] },
  '/v1/videos': { model: 'sora-2', prompt: 'A calico cat playing a piano on stage' },
};

/** What identifies each endpoint's answer (openai-openapi.yaml, the 200 response of each path). */
const ANSWER: Readonly<Record<OpenAIBatchEndpoint, (body: Record<string, unknown>) => void>> = {
  '/v1/chat/completions': (b) => assert.equal(b.object, 'chat.completion'),
  '/v1/embeddings': (b) => assert.equal(b.object, 'list'),
  '/v1/responses': (b) => assert.equal(b.object, 'response'),
  '/v1/completions': (b) => {
    assert.equal(b.object, 'text_completion');
    assert.equal(typeof (b.choices as Array<{ text: unknown }>)[0].text, 'string');
  },
  '/v1/moderations': (b) =>
    assert.deepEqual(
      (b.results as Array<{ flagged: boolean }>).map((r) => r.flagged),
      [false, false],
    ),
  '/v1/images/generations': (b) =>
    assert.equal((b.data as Array<{ b64_json: unknown }>).filter((d) => typeof d.b64_json === 'string').length, 2),
  '/v1/images/edits': (b) => assert.equal((b.data as unknown[]).length, 1),
  '/v1/videos': (b) => assert.equal(b.object, 'video'),
};

function line(url: OpenAIBatchEndpoint, id = 'request-1'): Record<string, unknown> {
  return { custom_id: id, method: 'POST', url, body: BODIES[url] };
}

suite('OpenAI batch endpoints: one list for the SDK, the spec, the schema and the emulator', () => {
  test("the list is the SDK union (type-checked) and the spec's CreateBatchRequest.endpoint", function () {
    assert.equal(SAME_AS_SDK, true);
    const spec = yaml.load(readFileSync(SPEC, 'utf8')) as {
      components: { schemas: Record<string, { properties: { endpoint: { enum: string[] } } }> };
    };
    assert.deepEqual(
      [...spec.components.schemas.CreateBatchRequest.properties.endpoint.enum].sort(),
      [...OPENAI_BATCH_ENDPOINTS].sort(),
    );
  });

  test('the openai schema takes every endpoint as url, each with its body schema', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'openai.schema.json'), 'utf8')) as {
      properties: { url: { enum: string[] } };
      allOf: Array<{
        if: { properties: { url: { const: string } } };
        then: { properties: { body: { $ref: string } } };
      }>;
    };
    assert.deepEqual(schema.properties.url.enum, [...OPENAI_BATCH_ENDPOINTS]);
    assert.deepEqual(
      schema.allOf.map((c) => c.if.properties.url.const),
      [...OPENAI_BATCH_ENDPOINTS],
    );
    for (const c of schema.allOf) {
      assert.match(c.then.properties.body.$ref, /^#\/definitions\/\w+$/);
    }
  });

  test('the validator reports no error on a line of any endpoint, and requires model only where the spec does', () => {
    for (const url of OPENAI_BATCH_ENDPOINTS) {
      assert.deepEqual(
        validateLine('openai', JSON.stringify(line(url)), 0).filter((i) => i.severity === 'error'),
        [],
        url,
      );
      const { model: _model, ...noModel } = BODIES[url];
      const errors = validateLine('openai', JSON.stringify({ ...line(url), body: noModel }), 0).filter(
        (i) => i.severity === 'error',
      );
      assert.equal(
        errors.length === 0,
        OPENAI_DEFAULT_MODELS[url] !== undefined,
        `${url} without model: ${JSON.stringify(errors)}`,
      );
    }
  });

  test('the local model answers every endpoint in the shape the spec documents', function () {
    const spec = existsSync(SPEC) ? (yaml.load(readFileSync(SPEC, 'utf8')) as OpenApi) : undefined;
    for (const url of OPENAI_BATCH_ENDPOINTS) {
      const result = runOpenAI(url, BODIES[url], 1_700_000_000);
      assert.equal(result.status, 200, `${url}: ${JSON.stringify(result.body)}`);
      ANSWER[url](result.body);
      if (spec) {
        const errors = responseErrors(spec, url, result.body);
        assert.deepEqual(errors, [], `${url} answer does not match the spec`);
      }
    }
    assert.equal(runOpenAI('/v1/completions', { model: 'x' }, 0).status, 400, 'completions without prompt');
    assert.equal(runOpenAI('/v1/videos', {}, 0).status, 400, 'videos without prompt');
    assert.equal(runOpenAI('/v1/chat/completions', { messages: [] }, 0).status, 400, 'chat without model');
  });
});

interface OpenApi {
  paths: Record<string, { post: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
  components: { schemas: Record<string, unknown> };
}

/** The errors of `body` against the spec's `200` JSON response of `POST url` (sanitized to draft-07 as the build does). */
function responseErrors(spec: OpenApi, url: string, body: unknown): string[] {
  const schema = spec.paths[url.replace(/^\/v1/, '')].post.responses['200'].content?.['application/json']?.schema;
  const definitions: Record<string, unknown> = {};
  const queue: string[] = [];
  const ctx = {
    onRef: (name: string) => {
      if (!(name in definitions) && !queue.includes(name)) {
        queue.push(name);
      }
    },
    resolve: (name: string) => spec.components.schemas[name] as Record<string, unknown>,
  };
  const root = sanitize(schema, ctx) as Record<string, unknown>;
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    definitions[name] = sanitize(spec.components.schemas[name], ctx);
  }
  const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile({ ...root, definitions });
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

suite('emulator: a batch on every OpenAI endpoint', () => {
  const env = withEmulator({}, 'endpoints');

  test('the new endpoints also answer synchronously, through the openai SDK', async () => {
    const client = env.openai('/v1/');
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say this is a test',
    });
    assert.equal(completion.object, 'text_completion');
    const moderation = await client.moderations.create({ input: 'I want to pet a cat' });
    assert.equal(moderation.results[0].flagged, false);
    const image = await client.images.generate({ model: 'gpt-image-1', prompt: 'An otter' });
    assert.equal(typeof image.data?.[0].b64_json, 'string');
    // The SDK sends videos as multipart; a batch line (and this emulator) takes the JSON body the spec also allows.
    const video = await client.post<{ object: string }>('/videos', { body: { prompt: 'A cat on a piano' } });
    assert.equal(video.object, 'video');
  });

  test("each endpoint's batch completes with one 200 answer per line", async () => {
    const client = env.openai('/v1/');
    await Promise.all(
      OPENAI_BATCH_ENDPOINTS.map(async (url, i) => {
        const input = writeJsonl(env.dir, `in-${i}.jsonl`, [line(url, 'a'), line(url, 'b')]);
        const file = await client.files.create({ file: createReadStream(input), purpose: 'batch' });
        const batch = await client.batches.create({ input_file_id: file.id, endpoint: url, completion_window: '24h' });
        env.runJobs();
        const done = await pollUntil(
          () => client.batches.retrieve(batch.id),
          (b) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status),
        );
        assert.equal(done.status, 'completed', `${url}: ${JSON.stringify(done.errors)}`);
        const out = (await (await client.files.content(done.output_file_id!)).text())
          .trim()
          .split('\n')
          .map(
            (l) =>
              JSON.parse(l) as { custom_id: string; response: { status_code: number; body: Record<string, unknown> } },
          );
        assert.deepEqual(out.map((l) => l.custom_id).sort(), ['a', 'b'], url);
        for (const l of out) {
          assert.equal(l.response.status_code, 200, `${url}: ${JSON.stringify(l.response.body)}`);
          ANSWER[url](l.response.body);
        }
      }),
    );
  });
});
