/**
 * Builds the `openai` line schema: `{custom_id, method, url, body}` with the body schema chosen by `url`
 * (`if`/`then`, so a body error is reported against one body schema). Body schemas come from the OpenAI spec
 * (`CreateChatCompletionRequest`, `CreateEmbeddingRequest`, `CreateResponse`…) with only the components they reach.
 */
import * as fs from 'node:fs';
import * as yaml from 'js-yaml';
import { COMPONENT_PREFIX, example, JsonSchema, ref } from './jsonSchema';
import { describeOpenAi } from './openapiDescriptions';
import { sanitize, SanitizeContext } from './openapiSanitize';
import { OPENAI_BATCH_ENDPOINTS, OPENAI_DEFAULT_MODELS, OpenAIBatchEndpoint } from '../../src/core/openaiEndpoints';

interface Body {
  url: OpenAIBatchEndpoint;
  component: string;
}

/**
 * The request component of a batch endpoint: the spec's `application/json` body of `POST <path without /v1>` (a batch
 * line is JSON, so never the multipart form `/v1/images/edits` and `/v1/videos` also take).
 */
function bodyComponent(spec: Spec, url: string): string | undefined {
  const ref = spec.paths?.[url.replace(/^\/v1/, '')]?.post?.requestBody?.content?.['application/json']?.schema?.$ref;
  return typeof ref === 'string' && ref.startsWith(COMPONENT_PREFIX) ? ref.slice(COMPONENT_PREFIX.length) : undefined;
}

/**
 * `required` entries the spec declares but the API does not enforce on requests: the spec shares these shapes
 * with responses, where the server always fills them (`detail` "defaults to `auto`" on input).
 */
const NOT_REQUIRED_ON_INPUT: Record<string, string[]> = {
  InputImageContent: ['detail'],
};

interface Spec {
  info?: { version?: string };
  paths?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: unknown } }> } } }>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/**
 * Flattens a top-level `allOf` of objects (following `$ref`s) into one closed object, so unknown body parameters
 * are errors ("Unrecognized request argument") while the spec's composition is kept everywhere below.
 */
function flattenBody(components: Record<string, JsonSchema>, schema: JsonSchema, url: OpenAIBatchEndpoint): JsonSchema {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  let description: string | undefined;
  const visit = (s: JsonSchema): void => {
    if (typeof s.$ref === 'string') {
      visit(components[s.$ref.slice(COMPONENT_PREFIX.length)] ?? {});
    }
    for (const part of (s.allOf as JsonSchema[] | undefined) ?? []) {
      visit(part);
    }
    Object.assign(properties, s.properties ?? {});
    for (const r of (s.required as string[] | undefined) ?? []) {
      required.add(r);
    }
    description ??= s.description as string | undefined;
  };
  visit(schema);
  // A batch file targets one model, named on every line; where the spec gives `model` a default it may be left out.
  if (OPENAI_DEFAULT_MODELS[url] === undefined) {
    required.add('model');
  }
  return { type: 'object', description, properties, required: [...required], additionalProperties: false };
}

/** Sanitizes the bodies and every component they reach, into draft-07 `definitions`. */
function collect(
  components: Record<string, JsonSchema>,
  bodies: Record<string, JsonSchema>,
  log: (m: string) => void,
): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  const queue: string[] = [];
  const ctx: SanitizeContext = {
    onRef: (name) => {
      if (!(name in definitions) && !queue.includes(name)) {
        queue.push(name);
      }
    },
    resolve: (name) => components[name],
  };
  for (const [name, body] of Object.entries(bodies)) {
    definitions[name] = sanitize(body, ctx) as JsonSchema;
  }
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (!(name in components)) {
      log(`openai: unresolved $ref ${name}; allowing any value there`);
      definitions[name] = {};
      continue;
    }
    definitions[name] = sanitize(components[name], ctx) as JsonSchema;
  }
  return definitions;
}

function lineSchema(bodies: Body[], definitions: Record<string, JsonSchema>): JsonSchema {
  const chatExample = {
    custom_id: 'request-1',
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: '…' }] },
  };
  return {
    type: 'object',
    description:
      'An OpenAI-format batch line (also what Gemini\'s OpenAI compatibility takes): `{"custom_id", "method": "POST", "url", "body"}`.',
    properties: {
      custom_id: {
        type: 'string',
        minLength: 1,
        description:
          'Your identifier for this request, unique within the batch file. The output line carries it back; output order is not input order, so match results on it.',
      },
      method: {
        type: 'string',
        enum: ['POST'],
        description: 'The HTTP method of the request. Only `POST` is supported.',
      },
      url: {
        type: 'string',
        enum: [...OPENAI_BATCH_ENDPOINTS],
        description:
          "The API endpoint of the request; every line of a file must use the batch's one `endpoint`. Gemini's OpenAI compatibility supports `/v1/chat/completions` and `/v1/embeddings`.",
      },
      body: {
        type: 'object',
        description:
          "The request body: the parameters of the endpoint in `url`. A file may target only one `model` (a Gemini model id under Gemini's OpenAI compatibility).",
      },
    },
    required: ['custom_id', 'method', 'url', 'body'],
    additionalProperties: false,
    allOf: bodies.map((b) => ({
      if: { properties: { url: { const: b.url } }, required: ['url'] },
      then: {
        properties: {
          body: { ...ref(b.component), description: `The \`${b.url}\` request body (\`${b.component}\`).` },
        },
      },
    })),
    'x-example': example(chatExample),
    defaultSnippets: [
      {
        label: 'chat completion line',
        body: { ...chatExample, body: { model: '${1:gemini-2.5-flash}', messages: [{ role: 'user', content: '$2' }] } },
      },
      {
        label: 'embedding line',
        body: {
          custom_id: 'request-1',
          method: 'POST',
          url: '/v1/embeddings',
          body: { model: '${1:gemini-embedding-001}', input: '$2' },
        },
      },
    ],
    definitions,
  };
}

/**
 * Body parameters Gemini's OpenAI compatibility takes beyond OpenAI's spec. `extra_body` is what the OpenAI SDKs
 * send when called with `extra_body={"extra_body": {"google": {...}}}` (Gemini's documented way to pass
 * `thinking_config`, `cached_content`…).
 */
const GEMINI_EXTRA_BODY: JsonSchema = {
  type: 'object',
  description:
    'Gemini OpenAI compatibility only (OpenAI rejects it): Gemini-specific options under `google`, e.g. ' +
    '`{"google": {"thinking_config": {"thinking_budget": 0}}}` or `{"google": {"cached_content": "cachedContents/…"}}`.',
  properties: {
    google: { type: 'object', description: 'Gemini options: `thinking_config`, `cached_content`, `safety_settings`…' },
  },
  additionalProperties: false,
};

/** Examples, snippets and Gemini extensions on the definitions the validator cites. */
function annotate(definitions: Record<string, JsonSchema>): void {
  const chat = definitions.CreateChatCompletionRequest?.properties as Record<string, JsonSchema> | undefined;
  if (chat) {
    chat.extra_body = GEMINI_EXTRA_BODY;
  }
  if (chat?.messages) {
    chat.messages['x-example'] = example([
      { role: 'system', content: '…' },
      { role: 'user', content: '…' },
    ]);
    chat.messages.defaultSnippets = [{ label: 'user message', body: [{ role: 'user', content: '$1' }] }];
  }
  const user = definitions.ChatCompletionRequestUserMessage;
  if (user) {
    user.defaultSnippets = [{ label: 'user message', body: { role: 'user', content: '$1' } }];
  }
}

export function buildOpenAi(specPath: string, log: (m: string) => void): { schema: JsonSchema; version: string } {
  const spec = yaml.load(fs.readFileSync(specPath, 'utf8')) as Spec;
  const components = spec.components?.schemas ?? {};
  const found: Body[] = [];
  const bodies: Record<string, JsonSchema> = {};
  for (const url of OPENAI_BATCH_ENDPOINTS) {
    const component = bodyComponent(spec, url);
    if (component !== undefined && components[component]) {
      bodies[component] = flattenBody(components, components[component], url);
      found.push({ url, component });
    } else {
      log(`openai: the spec has no JSON body for POST ${url}; its lines take any body object`);
    }
  }
  const definitions = collect(components, bodies, log);
  annotate(definitions);
  const described = describeOpenAi(definitions);
  if (described.missing.length > 0) {
    log(
      `openai: no description anywhere for ${described.missing.join(', ')}; add them to schemaSources/openaiGapDescriptions.ts`,
    );
  }
  if (described.unusedGaps.length > 0) {
    log(
      `openai: the spec now describes ${described.unusedGaps.join(', ')}; drop them from schemaSources/openaiGapDescriptions.ts`,
    );
  }
  for (const [name, fields] of Object.entries(NOT_REQUIRED_ON_INPUT)) {
    const def = definitions[name];
    if (Array.isArray(def?.required)) {
      def.required = (def.required as string[]).filter((f) => !fields.includes(f));
    }
  }
  return { schema: lineSchema(found, definitions), version: `OpenAPI info.version ${spec.info?.version ?? '?'}` };
}
