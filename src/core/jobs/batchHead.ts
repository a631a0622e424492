import { createReadStream } from 'node:fs';
import * as readline from 'node:readline';

/**
 * The first request line of a batch file ('' for none), streamed: the rest of a huge file is never read. What the
 * submit reads before asking anything (the model a Gemini file names, the output cap field an OpenAI file uses).
 */
export async function firstRequestLine(path: string): Promise<string> {
  const lines = readline.createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (line) {
        return line;
      }
    }
    return '';
  } finally {
    lines.close();
  }
}

/**
 * The model a Gemini batch line names (`request.model`, or `model` of a bare request; `models/` dropped, as the
 * estimate reads it in core/estimate/lineEstimate.ts), or undefined when it names none or is not JSON.
 */
export function geminiLineModel(line: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') {
    return undefined;
  }
  const record = parsed as { request?: unknown; model?: unknown };
  const request =
    record.request && typeof record.request === 'object' ? (record.request as { model?: unknown }) : record;
  return typeof request.model === 'string' && request.model ? request.model.replace(/^models\//, '') : undefined;
}
