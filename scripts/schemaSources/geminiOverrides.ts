/**
 * The hand-kept part of the Gemini schemas: where the SDK's TypeScript types are SDK-shaped rather than REST-shaped
 * (unions the SDK normalises, free-form JSON, enums the SDK types as plain strings), the required fields, and the
 * examples/snippets the validator and completion show. Everything else comes from the SDK itself.
 */
import { example, JsonSchema, ref } from './jsonSchema';

const ANY_OBJECT = (description: string): JsonSchema => ({ type: 'object', description });

/** SDK union aliases the SDK converts before sending (`tContent`, `tTools`, `tSchema`…) → their wire shape. */
export const UNION_OVERRIDES: Record<string, JsonSchema> = {
  ContentUnion: ref('Content'),
  PartUnion: ref('Part'),
  ContentListUnion: { type: 'array', items: ref('Content') },
  ToolUnion: ref('Tool'),
  ToolListUnion: { type: 'array', items: ref('Tool') },
  SpeechConfigUnion: ref('SpeechConfig'),
  SchemaUnion: ANY_OBJECT('A Schema object (OpenAPI subset).'),
};

const SCHEMA_NOTE = 'Its content is itself a schema and is not checked here.';

/** Per-field replacements, keyed `Definition.field` (wire names). */
export const FIELD_OVERRIDES: Record<string, JsonSchema> = {
  'Content.role': {
    type: 'string',
    enum: ['user', 'model'],
    enumDescriptions: [
      'Content written by the user (prompts, function responses).',
      'Content written by the model (earlier turns, function calls).',
    ],
    description:
      'The producer of the content: `user` or `model`. Useful for multi-turn conversations; may be left unset for a single turn. ' +
      'OpenAI roles (`system`, `assistant`) are not accepted: put system text in `systemInstruction`, and use `model` for the assistant.',
  },
  'Content.parts': { type: 'array', minItems: 1, items: ref('Part') },
  'GenerateContentRequest.contents': { type: 'array', minItems: 1, items: ref('Content') },
  'GenerationConfig.responseSchema': ANY_OBJECT(
    'Output schema of the generated candidate text (an OpenAPI-subset Schema object: `type`, `properties`, `items`, `enum`, `required`…). ' +
      `Requires \`responseMimeType\` \`application/json\`. ${SCHEMA_NOTE}`,
  ),
  'GenerationConfig.responseJsonSchema': ANY_OBJECT(
    `Output schema of the generated response as [JSON Schema](https://json-schema.org/); an alternative to \`responseSchema\`. ${SCHEMA_NOTE}`,
  ),
  'GenerationConfig.responseModalities': { type: 'array', items: ref('Modality') },
  'FunctionDeclaration.parameters': ANY_OBJECT(
    `The function parameters, as an OpenAPI-subset Schema object of type \`OBJECT\`. ${SCHEMA_NOTE}`,
  ),
  'FunctionDeclaration.parametersJsonSchema': ANY_OBJECT(
    `The function parameters as JSON Schema; an alternative to \`parameters\`. ${SCHEMA_NOTE}`,
  ),
  'FunctionDeclaration.response': ANY_OBJECT(
    `The function's output, as an OpenAPI-subset Schema object. ${SCHEMA_NOTE}`,
  ),
  'FunctionDeclaration.responseJsonSchema': ANY_OBJECT(`The function's output as JSON Schema. ${SCHEMA_NOTE}`),
  'FunctionCall.args': ANY_OBJECT('The function arguments as a JSON object.'),
  'FunctionResponse.response': ANY_OBJECT(
    'The function result as a JSON object (use `output` for the value and `error` for an error).',
  ),
  'EmbedContentRequest.taskType': ref('TaskType'),
  'EmbedContentRequest.content': ref('Content'),
};

/** Embedding task types (REST strings); the SDK types `taskType` as a plain string. Merged with the discovery doc's. */
export const TASK_TYPES: Array<[string, string]> = [
  ['TASK_TYPE_UNSPECIFIED', 'Unset value, which will default to one of the other enum values.'],
  ['RETRIEVAL_QUERY', 'The text is a query in a search/retrieval setting.'],
  ['RETRIEVAL_DOCUMENT', 'The text is a document from the corpus being searched.'],
  ['SEMANTIC_SIMILARITY', 'The text will be used for semantic textual similarity.'],
  ['CLASSIFICATION', 'The text will be classified.'],
  ['CLUSTERING', 'The embeddings will be used for clustering.'],
  ['QUESTION_ANSWERING', 'The text will be used for question answering.'],
  ['FACT_VERIFICATION', 'The text will be used for fact verification.'],
  ['CODE_RETRIEVAL_QUERY', 'The text is a natural-language query used to retrieve code blocks.'],
];

const CONTENT_EXAMPLE = { parts: [{ text: '…' }] };
const LINE_SNIPPET = { key: 'request-1', request: { contents: [{ role: 'user', parts: [{ text: '$1' }] }] } };

/** Keywords merged into definitions: required fields, `x-example`, `defaultSnippets`. */
export const DEFINITION_EXTRAS: Record<string, JsonSchema> = {
  Content: {
    required: ['parts'],
    'x-example': example({ role: 'user', parts: [{ text: '…' }] }),
    defaultSnippets: [
      { label: 'user content', body: { role: 'user', parts: [{ text: '$1' }] } },
      { label: 'model content', body: { role: 'model', parts: [{ text: '$1' }] } },
    ],
  },
  Part: {
    // An empty part is refused ("required oneof field 'data' must have one initialized field").
    minProperties: 1,
    'x-example': example({ text: '…' }),
    defaultSnippets: [
      { label: 'text part', body: { text: '$1' } },
      { label: 'inline data part', body: { inlineData: { mimeType: '${1:image/png}', data: '$2' } } },
      { label: 'file data part', body: { fileData: { mimeType: '${1:application/pdf}', fileUri: '$2' } } },
    ],
  },
  Blob: { required: ['data'] },
  GenerationConfig: {
    'x-example': example({ temperature: 0.2, maxOutputTokens: 1024, responseMimeType: 'application/json' }),
    defaultSnippets: [
      {
        label: 'JSON output',
        body: { responseMimeType: 'application/json', responseSchema: { type: 'OBJECT', properties: {} } },
      },
    ],
  },
  ThinkingConfig: {
    'x-example': example({ thinkingBudget: 1024, includeThoughts: false }),
  },
  SafetySetting: {
    required: ['category', 'threshold'],
    'x-example': example({ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }),
    defaultSnippets: [
      {
        label: 'safety setting',
        body: { category: '${1:HARM_CATEGORY_HARASSMENT}', threshold: '${2:BLOCK_ONLY_HIGH}' },
      },
    ],
  },
  Tool: {
    'x-example': example({ googleSearch: {} }),
    defaultSnippets: [
      { label: 'Google Search', body: { googleSearch: {} } },
      { label: 'code execution', body: { codeExecution: {} } },
      { label: 'URL context', body: { urlContext: {} } },
      {
        label: 'function declarations',
        body: {
          functionDeclarations: [{ name: '$1', description: '$2', parameters: { type: 'OBJECT', properties: {} } }],
        },
      },
    ],
  },
  FunctionDeclaration: { required: ['name'] },
  GenerateContentRequest: {
    required: ['contents'],
    'x-example': example({ contents: [CONTENT_EXAMPLE] }),
  },
  EmbedContentRequest: {
    required: ['content'],
    'x-example': example({ content: CONTENT_EXAMPLE }),
  },
};

/** `x-example` of the `contents` array and of the embed `content`, cited by the validator's messages. */
export const CONTENTS_EXAMPLE = example([CONTENT_EXAMPLE]);
export const EMBED_CONTENT_EXAMPLE = example(CONTENT_EXAMPLE);

export const ROOT_EXTRAS: Record<'gemini-generate' | 'gemini-embed', JsonSchema> = {
  'gemini-generate': {
    'x-example': example({ key: 'request-1', request: { contents: [CONTENT_EXAMPLE] } }),
    defaultSnippets: [{ label: 'batch line', description: 'A generateContent batch line', body: LINE_SNIPPET }],
  },
  'gemini-embed': {
    'x-example': example({ key: 'request-1', request: { content: CONTENT_EXAMPLE } }),
    defaultSnippets: [
      { label: 'embedding line', body: { key: 'request-1', request: { content: { parts: [{ text: '$1' }] } } } },
    ],
  },
};
