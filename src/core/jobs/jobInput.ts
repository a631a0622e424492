import { promises as fs } from 'fs';
import * as readline from 'readline';
import { createReadStream } from 'fs';
import type { BatchKind } from '../batchKind';
import type { BatchProvider } from '../providers/types';

/**
 * Small Gemini files may go inline (no upload) when `geminiBatch.submit.inlineMaxMB` allows it (0 = never) and the
 * provider supports it. Returns the parsed lines, or undefined when the file must be uploaded.
 */
export async function inlineLines(
  provider: BatchProvider,
  path: string,
  kind: BatchKind,
  inlineMaxMB: number,
): Promise<unknown[] | undefined> {
  if (inlineMaxMB <= 0 || kind === 'openai' || provider.capabilities?.inline === false) {
    return undefined;
  }
  const { size } = await fs.stat(path);
  // The whole create request must stay under 20 MB, whatever the setting says.
  if (size > Math.min(inlineMaxMB, 19) * 1024 * 1024) {
    return undefined;
  }
  const text = (await fs.readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}

/** What an OpenAI batch file's first request line says about the whole batch. */
export interface OpenAIBatchHead {
  /** The endpoint the batch runs against (`url`; every validated line shares it). */
  endpoint?: string;
  /** The model (`body.model`; the validator allows one model per file). */
  model?: string;
}

/** Reads the first request line of an OpenAI batch file (streamed: the rest of a huge file is never read). */
export async function openaiBatchHead(path: string): Promise<OpenAIBatchHead> {
  const lines = readline.createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line) {
        continue;
      }
      const { url, body } = JSON.parse(line) as { url?: unknown; body?: { model?: unknown } };
      return {
        endpoint: typeof url === 'string' ? url : undefined,
        model: typeof body?.model === 'string' ? body.model : undefined,
      };
    }
    return {};
  } finally {
    lines.close();
  }
}
