import { MAX_LINE_CHARS, readRequestLines, parseObject } from './jobInput';
import { checkLine, type GeminiLineKind } from './lineCheck';
import { TimeSlice } from './timeSlice';
import type { OpenAIBatchError } from '../contract';
import { isOpenAIBatchEndpoint, OPENAI_DEFAULT_MODELS } from '../../core/openaiEndpoints';

/** At most this many bad lines are listed in one create error (the count of the rest is added). */
const MAX_LISTED = 1000;

export interface GeminiScan {
  total: number;
  /** `Error on line N: …` lines; empty when every line parses. */
  errors: string[];
}

/**
 * The create-time check of one line, where a validator failure on a strange line (a field named like an
 * `Object.prototype` member, say) is that line's error, never a 500 for the whole request.
 */
export function checkLineSafely(kind: GeminiLineKind, text: string): string | undefined {
  try {
    return checkLine(kind, text);
  } catch (e) {
    return `invalid JSON: the line could not be parsed (${String((e as Error)?.message ?? e)})`;
  }
}

/**
 * Compiles the line validators (about 100 ms the first time in a process) before the server listens, so the first
 * create does not spend that time in one piece while other requests wait.
 */
export function warmLineChecks(): void {
  checkLineSafely('gemini-generate', '{"key":"w","request":{"contents":[{"parts":[{"text":"w"}]}]}}');
  checkLineSafely('gemini-embed', '{"key":"w","request":{"content":{"parts":[{"text":"w"}]}}}');
}

/**
 * Streams a Gemini input file once at create time: counts requests and finds lines the service cannot parse.
 * Past `MAX_LISTED` bad lines it stops (the create fails anyway, and checking 100k bad lines would take long);
 * it yields to the event loop as it goes, so other requests are answered meanwhile.
 */
export async function scanGeminiFile(path: string, kind: GeminiLineKind, slice = new TimeSlice()): Promise<GeminiScan> {
  let total = 0;
  const errors: string[] = [];
  for await (const line of readRequestLines(path)) {
    total += 1;
    const problem = line.tooLong
      ? `request too large: the line is longer than ${MAX_LINE_CHARS} characters`
      : checkLineSafely(kind, line.text);
    if (problem !== undefined) {
      if (errors.length === MAX_LISTED) {
        errors.push(`… checking stopped after ${MAX_LISTED} lines with errors; later lines may have more.`);
        break;
      }
      errors.push(`Error on line ${line.lineNo}: ${problem}`);
    }
    await slice.tick();
  }
  return { total, errors };
}

export interface OpenAIScan {
  total: number;
  model?: string;
  errors: OpenAIBatchError[];
}

/**
 * OpenAI's documented validation of a batch input file: every line a JSON object with a unique `custom_id`,
 * `method: POST`, the batch's `url`, a `body` with one `model` shared by the file. Errors fail the batch.
 */
export async function scanOpenAIFile(path: string, endpoint: string, slice = new TimeSlice()): Promise<OpenAIScan> {
  const errors: OpenAIBatchError[] = [];
  const ids = new Set<string>();
  let total = 0;
  let model: string | undefined;
  const add = (code: string, message: string, param: string | null, line: number): void => {
    if (errors.length < MAX_LISTED) {
      errors.push({ code, message, param, line });
    }
  };
  for await (const { text, lineNo, tooLong } of readRequestLines(path)) {
    total += 1;
    await slice.tick();
    if (tooLong) {
      add('line_too_long', `This line is longer than ${MAX_LINE_CHARS} characters.`, null, lineNo);
      continue;
    }
    const obj = parseObject(text);
    if (!obj) {
      add('invalid_json_line', `This line is not parseable as valid JSON.`, null, lineNo);
      continue;
    }
    const id = obj.custom_id;
    if (typeof id !== 'string' || id === '') {
      add('missing_required_parameter', "Missing required parameter: 'custom_id'.", 'custom_id', lineNo);
    } else if (ids.has(id)) {
      add(
        'duplicate_custom_id',
        `The custom_id '${id}' is used more than once; custom_id must be unique within a batch.`,
        'custom_id',
        lineNo,
      );
    } else {
      ids.add(id);
    }
    if (obj.method !== 'POST') {
      add(
        'invalid_method',
        `Invalid value for 'method': ${JSON.stringify(obj.method)}. Only POST is supported.`,
        'method',
        lineNo,
      );
    }
    if (obj.url !== endpoint) {
      add(
        'invalid_url',
        `The url ${JSON.stringify(obj.url)} does not match the batch endpoint '${endpoint}'.`,
        'url',
        lineNo,
      );
    }
    const body = obj.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      add('missing_required_parameter', "Missing required parameter: 'body'.", 'body', lineNo);
      continue;
    }
    // Where the spec gives `model` a default (moderations, images, videos), a line may leave it out.
    const m =
      (body as Record<string, unknown>).model ??
      (isOpenAIBatchEndpoint(endpoint) ? OPENAI_DEFAULT_MODELS[endpoint] : undefined);
    if (typeof m !== 'string' || m === '') {
      add('missing_required_parameter', "Missing required parameter: 'body.model'.", 'body.model', lineNo);
    } else if (model === undefined) {
      model = m;
    } else if (m !== model) {
      add(
        'mismatched_model',
        `The model '${m}' differs from '${model}' used by earlier lines; a batch file may target only one model.`,
        'body.model',
        lineNo,
      );
    }
  }
  if (total === 0) {
    errors.push({ code: 'empty_file', message: 'The batch input file is empty.', param: null, line: null });
  }
  return { total, model, errors };
}
