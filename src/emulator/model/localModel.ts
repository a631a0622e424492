import { createHash } from 'node:crypto';
import { embedText, seedOf, tokensOf } from './embeddings';
import { mediaAnswer } from './mediaAnswer';
import { promptUsage, thoughtTokens, usageMetadata } from './usage';
import { schemaInstance } from './schemaInstance';
import { capAnswer } from './outputCap';
import { DEFAULT_EMBEDDING_DIMENSIONS } from './emulatedModels';
import { rpcCode } from '../../core/jobs/rpcCode';

/**
 * A per-request failure, reported in the results (not a failure of the batch): a `google.rpc.Status` as real result
 * files carry it, `{"code": 3, "message": "…"}` with the gRPC code and no `status` name (see core/jobs/rpcCode.ts
 * and core/jobs/resultLine.ts for the sources). This is the one shape every Gemini error line of the emulator has.
 */
export interface RequestFailure {
  /** gRPC code (`google.rpc.Code`), e.g. 3 INVALID_ARGUMENT. */
  code: number;
  message: string;
}

export type ModelResult = { response: Record<string, unknown> } | { error: RequestFailure };

type Obj = Record<string, unknown>;

function field(o: Obj | undefined, camel: string, snake: string): unknown {
  return o === undefined ? undefined : (o[camel] ?? o[snake]);
}

/** A Status with code 3 INVALID_ARGUMENT: the failure of a request the local model cannot answer. */
export function invalidArgument(message: string): RequestFailure {
  return { code: rpcCode('INVALID_ARGUMENT'), message };
}

function invalid(message: string): { error: RequestFailure } {
  return { error: invalidArgument(message) };
}

/**
 * A repeated field as the service reads it: a single value is a list of one (the validator warns about it, see
 * core/validation/canonicalForm.ts for the evidence that the service runs such requests).
 */
function asList(value: unknown): unknown[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return Array.isArray(value) ? value : [value];
}

/** All text of a Content's parts (non-text parts count as a short placeholder). */
function contentText(content: unknown): string {
  const parts = asList((content as Obj | undefined)?.parts);
  if (!parts) {
    return '';
  }
  return parts.map((p) => (typeof (p as Obj)?.text === 'string' ? ((p as Obj).text as string) : '[part]')).join(' ');
}

/** The emulated answer text: marked as emulated, derived only from the request. */
export function emulatedText(model: string, prompt: string, hash: string): string {
  const snippet = prompt.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `[emulated ${model}] Deterministic answer ${hash.slice(0, 8)} to: "${snippet}"`;
}

/**
 * Runs one GenerateContentRequest through the deterministic local model. `promptTokens`: the request as the
 * estimate counts it (EmulatorOptions.promptTokens); without it the prompt is counted by the rough rule (usage.ts).
 */
export function generate(model: string, request: unknown, promptTokens?: number): ModelResult {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return invalid('* GenerateContentRequest: the request must be an object.');
  }
  const req = request as Obj;
  const contents = asList(req.contents);
  if (!contents || contents.length === 0) {
    return invalid('* GenerateContentRequest.contents: contents is not specified');
  }
  for (const c of contents) {
    const role = (c as Obj)?.role;
    if (role !== undefined && role !== 'user' && role !== 'model') {
      return invalid('Please use a valid role: user, model.');
    }
  }
  const prompt = contents.map(contentText).join('\n');
  const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const config = field(req, 'generationConfig', 'generation_config') as Obj | undefined;
  const mime = field(config, 'responseMimeType', 'response_mime_type');
  const schema =
    field(config, 'responseSchema', 'response_schema') ?? field(config, 'responseJsonSchema', 'response_json_schema');
  const seed = parseInt(hash.slice(0, 8), 16);
  let text: string;
  if (mime === 'application/json') {
    text = JSON.stringify(
      schema !== undefined
        ? schemaInstance(schema, seed)
        : { emulated: true, model, answer: emulatedText(model, prompt, hash) },
    );
  } else {
    text = emulatedText(model, prompt, hash);
  }
  const count = Math.min(8, Math.max(1, Number(field(config, 'candidateCount', 'candidate_count') ?? 1) || 1));
  const media = mediaAnswer(model);
  // Media answers come whole; a text answer and its thinking stay within maxOutputTokens (outputCap.ts).
  const capped = media
    ? { text, outTokens: media.tokens, thoughts: thoughtTokens(model, config, seed), finishReason: 'STOP' }
    : capAnswer(
        text,
        tokensOf(text),
        thoughtTokens(model, config, seed),
        field(config, 'maxOutputTokens', 'max_output_tokens'),
      );
  const parts = media ? media.parts(text) : [{ text: capped.text }];
  const outTokens = capped.outTokens * count;
  const thoughts = capped.thoughts * count;
  return {
    response: {
      candidates: Array.from({ length: count }, (_, index) => ({
        content: { parts, role: 'model' },
        finishReason: capped.finishReason,
        index,
      })),
      usageMetadata: usageMetadata(
        promptUsage(req, promptTokens === undefined ? undefined : { tokens: promptTokens, model }),
        outTokens,
        thoughts,
        media ? [{ modality: media.modality, tokenCount: outTokens }] : undefined,
      ),
      // Real lines name the model as asked (`"modelVersion":"gemini-2.5-flash"`, real-output/); the text says "emulated".
      modelVersion: model,
      responseId: Buffer.from(hash.slice(0, 34), 'hex').toString('base64url'),
    },
  };
}

/** Runs one EmbedContentRequest: a deterministic unit vector of the requested size, `tokenCount` as `generate`'s. */
export function embed(request: unknown, promptTokens?: number): ModelResult {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return invalid('* EmbedContentRequest: the request must be an object.');
  }
  const req = request as Obj;
  const content = req.content;
  if (typeof content !== 'object' || content === null) {
    return invalid('* EmbedContentRequest.content: content is not specified');
  }
  const text = contentText(content);
  if (text.trim() === '') {
    return invalid('* EmbedContentRequest.content: content must contain text');
  }
  const rawDims = field(req, 'outputDimensionality', 'output_dimensionality');
  const dims = rawDims === undefined ? DEFAULT_EMBEDDING_DIMENSIONS : Number(rawDims);
  if (!Number.isInteger(dims) || dims < 1 || dims > DEFAULT_EMBEDDING_DIMENSIONS) {
    return invalid(
      `* EmbedContentRequest.output_dimensionality: must be between 1 and ${DEFAULT_EMBEDDING_DIMENSIONS}, got ${String(rawDims)}`,
    );
  }
  // tokenCount before embedding, like the real output lines; it is an int64 string.
  const tokens = promptTokens ?? tokensOf(text);
  return { response: { tokenCount: String(tokens), embedding: { values: embedText(text, dims) } } };
}

export { seedOf };
