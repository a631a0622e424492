/**
 * Assembles the two Gemini line schemas (`gemini-generate`, `gemini-embed`) from the SDK model. The REST request
 * objects are not SDK types: `GenerateContentRequest` is `contents` + the fields the SDK hoists out of its flat
 * `GenerateContentConfig` + `generationConfig` (the rest of that config), exactly as `generateContentConfigToMldev`
 * lays them out; `EmbedContentRequest` is `content`, `model` + the fields `embedContentConfigToMldev` sends.
 */
import { ConverterInfo } from './mldevConverters';
import {
  CONTENTS_EXAMPLE,
  DEFINITION_EXTRAS,
  EMBED_CONTENT_EXAMPLE,
  FIELD_OVERRIDES,
  ROOT_EXTRAS,
  TASK_TYPES,
  UNION_OVERRIDES,
} from './geminiOverrides';
import { JsonSchema, ref, snakeCase, VERTEX_ONLY_COMMENT } from './jsonSchema';
import { defineReferenced } from './definitionRefs';
import { BuildContext, objectDefinition } from './sdkToSchema';
import { findDecl, SdkMember, SdkModel } from './sdkTypes';
import { DiscoveryDoc, discoveryEnum, discoveryIsInteger, mergeDiscovery } from './discovery';
import { acceptNumericStrings } from './numericStrings';
import { boundIntegers } from './integerRanges';

/**
 * Records on each definition which fields were left out as Vertex-only, in both spellings, so an unknown-field
 * message can say "Vertex AI only" rather than just "unknown".
 */
function noteOmitted(ctx: BuildContext): void {
  const byDef = new Map<string, string[]>();
  for (const entry of ctx.omitted) {
    const [def, field] = entry.split('.');
    const other = snakeCase(field);
    byDef.set(def, [...(byDef.get(def) ?? []), field, ...(other !== field ? [other] : [])]);
  }
  for (const [def, fields] of byDef) {
    if (ctx.definitions[def]) {
      ctx.definitions[def].$comment = `${VERTEX_ONLY_COMMENT}${fields.join(', ')}`;
    }
  }
}

type Log = (msg: string) => void;

export interface GeminiBuild {
  definitions: Record<string, JsonSchema>;
  omitted: string[];
}

function members(sdk: SdkModel, declared: string): SdkMember[] {
  const decl = findDecl(sdk, declared);
  return decl?.kind === 'object' ? decl.members : [];
}

function member(sdk: SdkModel, declared: string, name: string): SdkMember | undefined {
  return members(sdk, declared).find((m) => m.name === name);
}

/** A new build context; `isInteger` prefers the discovery document's formats and falls back on field names. */
function newContext(sdk: SdkModel, converters: Map<string, ConverterInfo>, discovery?: DiscoveryDoc): BuildContext {
  return {
    sdk,
    converters,
    definitions: {},
    omitted: new Set(),
    fieldOverrides: FIELD_OVERRIDES,
    unionOverrides: UNION_OVERRIDES,
    definitionExtras: DEFINITION_EXTRAS,
    isInteger: (def, field) =>
      discoveryIsInteger(discovery, def, field) ??
      /(Count|Tokens|Budget|Dimensionality|Seconds|Offset|^topK|^seed|^logprobs|^numTokens)$/.test(field),
  };
}

/** Splits the SDK's flat GenerateContentConfig into request-level fields and GenerationConfig fields. */
function splitGenerateConfig(ctx: BuildContext): { hoisted: SdkMember[]; generation: SdkMember[] } {
  const converter = ctx.converters.get('GenerateContentConfig');
  const hoisted: SdkMember[] = [];
  const generation: SdkMember[] = [];
  for (const m of members(ctx.sdk, 'GenerateContentConfig')) {
    const mapping = converter?.fields.get(m.name);
    if (converter?.refused.has(m.name)) {
      ctx.omitted.add(`GenerationConfig.${m.name}`);
    } else if (mapping?.target === 'parent') {
      hoisted.push({ ...m, name: mapping.to[0] });
    } else if (mapping) {
      // The REST-shaped SDK `GenerationConfig` types some fields better (Modality[] vs string[]); prefer it.
      const better = member(ctx.sdk, 'GenerationConfig', m.name);
      generation.push({ ...m, name: mapping.to[0], type: better?.type ?? m.type, doc: m.doc || (better?.doc ?? '') });
    }
  }
  return { hoisted, generation };
}

/** What the `request` of each line is (batch-api.md §1.3: REST field names, either spelling). */
const REQUEST_DESCRIPTIONS: Record<'gemini-generate' | 'gemini-embed', string> = {
  'gemini-generate':
    'The `GenerateContentRequest` (REST shape) to run: `contents`, optionally with `systemInstruction`, `tools`, ' +
    '`toolConfig`, `safetySettings`, `cachedContent` and `generationConfig`. Field names may be camelCase or snake_case.',
  'gemini-embed':
    'The `EmbedContentRequest` (REST shape) to run: `content`, optionally with `taskType`, `title` and ' +
    '`outputDimensionality`. Field names may be camelCase or snake_case.',
};

function root(kind: 'gemini-generate' | 'gemini-embed', requestDef: string, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    properties: {
      key: {
        type: 'string',
        description:
          'Your identifier for this request. The output line carries it back (`{"response": …, "key": …}`), so match ' +
          'results on it rather than on line order. Optional: without it, line order is the only way to match them.',
      },
      request: { ...ref(requestDef), description: REQUEST_DESCRIPTIONS[kind] },
    },
    required: ['request'],
    additionalProperties: false,
    ...ROOT_EXTRAS[kind],
  };
}

/** What tells the two Gemini line kinds apart at the end of their builds. */
interface LineShape {
  kind: 'gemini-generate' | 'gemini-embed';
  requestDef: string;
  /** The request field that carries an `x-example` (what it holds is shown when the field is completed). */
  example: { field: string; value: unknown };
  description: string;
}

/**
 * The steps both builds end with, in this order: define what the request references, merge the discovery document,
 * note the Vertex-only fields, bound the integer fields to their proto types and give the request's content field
 * its example.
 */
function finishBuild(
  ctx: BuildContext,
  discovery: DiscoveryDoc | undefined,
  log: Log,
  shape: LineShape,
): GeminiBuild & { root: JsonSchema } {
  defineReferenced(ctx);
  mergeDiscovery(ctx, discovery, shape.requestDef, log);
  noteOmitted(ctx);
  const unknownIntegers = boundIntegers(ctx.definitions, discovery);
  if (unknownIntegers.length > 0) {
    log(
      `${shape.kind}: no proto type known for ${unknownIntegers.join(', ')}; bounded to the range of any proto integer`,
    );
  }
  const field = (ctx.definitions[shape.requestDef].properties as Record<string, JsonSchema>)[shape.example.field];
  field['x-example'] = shape.example.value;
  return {
    // Last, after every source has typed its fields: proto3 JSON takes numbers written as strings.
    definitions: acceptNumericStrings(ctx.definitions),
    omitted: [...ctx.omitted].sort(),
    root: root(shape.kind, shape.requestDef, shape.description),
  };
}

export function buildGenerate(
  sdk: SdkModel,
  converters: Map<string, ConverterInfo>,
  discovery?: DiscoveryDoc,
  log: Log = () => undefined,
): GeminiBuild & { root: JsonSchema } {
  const ctx = newContext(sdk, converters, discovery);
  const { hoisted, generation } = splitGenerateConfig(ctx);
  const params = 'GenerateContentParameters';
  const requestMembers: SdkMember[] = [
    {
      name: 'contents',
      type: member(sdk, params, 'contents')?.type,
      doc: 'The content of the current conversation with the model: one Content per turn (a single Content for single-turn queries).',
    },
    ...hoisted,
    { name: 'generationConfig', type: undefined, doc: 'Configuration options for model generation and outputs.' },
    {
      name: 'model',
      type: member(sdk, params, 'model')?.type,
      doc: "The model name (`models/{model}`). Optional in a batch file: the batch's model is used.",
    },
  ];
  ctx.fieldOverrides = { ...FIELD_OVERRIDES, 'GenerateContentRequest.generationConfig': ref('GenerationConfig') };
  ctx.definitions.GenerationConfig = objectDefinition(
    ctx,
    'GenerationConfig',
    'Configuration options for model generation and outputs (REST `GenerationConfig`).',
    generation,
  );
  ctx.definitions.GenerateContentRequest = objectDefinition(
    ctx,
    'GenerateContentRequest',
    'Request to generate a completion from the model (REST `GenerateContentRequest`).',
    requestMembers,
  );
  return finishBuild(ctx, discovery, log, {
    kind: 'gemini-generate',
    requestDef: 'GenerateContentRequest',
    example: { field: 'contents', value: CONTENTS_EXAMPLE },
    description: 'A Gemini Batch API generateContent line: `{"key": …, "request": GenerateContentRequest}`.',
  });
}

export function buildEmbed(
  sdk: SdkModel,
  converters: Map<string, ConverterInfo>,
  discovery?: DiscoveryDoc,
  log: Log = () => undefined,
): GeminiBuild & { root: JsonSchema } {
  const ctx = newContext(sdk, converters, discovery);
  const taskTypes = new Map(TASK_TYPES);
  for (const [value, doc] of discoveryEnum(discovery, 'EmbedContentRequest', 'taskType')) {
    taskTypes.set(value, taskTypes.get(value) ?? doc);
  }
  ctx.definitions.TaskType = {
    type: 'string',
    description: 'Type of task for which the embedding will be used.',
    enum: [...taskTypes.keys()],
    enumDescriptions: [...taskTypes.values()],
  };
  const requestMembers: SdkMember[] = [
    { name: 'content', type: undefined, doc: 'The content to embed. Only the `parts.text` fields will be counted.' },
    ...wireMembersOfEmbedConfig(ctx),
    {
      name: 'model',
      type: member(sdk, 'EmbedContentParameters', 'model')?.type,
      doc: "The model name (`models/{model}`). Optional in a batch file: the batch's model is used.",
    },
  ];
  ctx.definitions.EmbedContentRequest = objectDefinition(
    ctx,
    'EmbedContentRequest',
    'Request containing the Content for the model to embed (REST `EmbedContentRequest`).',
    requestMembers,
  );
  return finishBuild(ctx, discovery, log, {
    kind: 'gemini-embed',
    requestDef: 'EmbedContentRequest',
    example: { field: 'content', value: EMBED_CONTENT_EXAMPLE },
    description: 'A Gemini Batch API embedding line: `{"key": …, "request": EmbedContentRequest}`.',
  });
}

/** EmbedContentConfig fields the SDK hoists into each `requests[]` entry (taskType, title, outputDimensionality). */
function wireMembersOfEmbedConfig(ctx: BuildContext): SdkMember[] {
  const converter = ctx.converters.get('EmbedContentConfig');
  const out: SdkMember[] = [];
  for (const m of members(ctx.sdk, 'EmbedContentConfig')) {
    const mapping = converter?.fields.get(m.name);
    if (converter?.refused.has(m.name)) {
      ctx.omitted.add(`EmbedContentRequest.${m.name}`);
    } else if (mapping) {
      out.push({ ...m, name: mapping.to[mapping.to.length - 1] });
    }
  }
  return out;
}
