import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bytes of the long line: just over the 64 MiB bound (DEFAULT_MAX_LINE_BYTES) every reader keeps of a line. */
export const LONG_BYTES = 64 * 1024 * 1024 + 4096;

export const resultLine = (key: string): string =>
  `{"key":"${key}","response":{"candidates":[{"content":{"parts":[{"text":"ok ${key}"}],"role":"model"},` +
  `"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2}}}`;

export const inputLine = (key: string): string =>
  `{"key":"${key}","request":{"contents":[{"parts":[{"text":"hi ${key}"}]}]}}`;

/**
 * Writes `lines` to `dir/name`, LF-terminated; `null` stands for a valid JSON input line with key `a` of LONG_BYTES
 * (written in pieces: the test process never holds it). Returns the path and that line's offset.
 */
export function writeWithLongLine(
  dir: string,
  name: string,
  lines: (string | null)[],
): { file: string; offset: number } {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  let offset = -1;
  let at = 0;
  try {
    for (const line of lines) {
      if (line !== null) {
        at += fs.writeSync(fd, `${line}\n`);
        continue;
      }
      offset = at;
      const head = '{"key":"a","request":{"contents":[{"parts":[{"text":"';
      const tail = '"}]}]}}';
      at += fs.writeSync(fd, head);
      const chunk = Buffer.alloc(1024 * 1024, 'abcdefgh');
      for (let left = LONG_BYTES - head.length - tail.length; left > 0; left -= chunk.length) {
        at += fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
      }
      at += fs.writeSync(fd, `${tail}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, offset };
}
