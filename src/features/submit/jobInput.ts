import { promises as fs } from 'fs';
import * as readline from 'readline';
import { createReadStream } from 'fs';
import type { BatchKind } from '../../core/batchKind';
import type { BatchProvider } from '../../core/providers/types';

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
  if (inlineMaxMB <= 0 || kind === 'openai' || provider.capabilities?.inline === false) { return undefined; }
  const { size } = await fs.stat(path);
  // The whole create request must stay under 20 MB, whatever the setting says.
  if (size > Math.min(inlineMaxMB, 19) * 1024 * 1024) { return undefined; }
  const text = (await fs.readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => JSON.parse(line) as unknown);
}

/** OpenAI batches name one endpoint: the `url` of the first request line (all lines share it once validated). */
export async function openaiEndpoint(path: string): Promise<string | undefined> {
  const lines = readline.createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line) { continue; }
      const url = (JSON.parse(line) as { url?: unknown }).url;
      return typeof url === 'string' ? url : undefined;
    }
    return undefined;
  } finally {
    lines.close();
  }
}
