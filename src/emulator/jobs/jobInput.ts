import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** One request line of an input file: its text and 1-based physical line number. */
export interface InputLine {
  text: string;
  lineNo: number;
  /** The line was longer than the cap; `text` is empty and the line cannot be a valid request. */
  tooLong?: boolean;
}

/** Lines longer than this (in UTF-16 units) are reported as too long instead of being held: memory stays bounded. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

/**
 * Streams the non-blank lines of a JSONL file (BOM and CRLF tolerated), never holding more than one line.
 * A line over `maxChars` is yielded once with `tooLong` and its bytes are skipped, not buffered.
 */
export async function* readRequestLines(path: string, maxChars = MAX_LINE_CHARS): AsyncGenerator<InputLine> {
  const decoder = new StringDecoder('utf8');
  let pieces: string[] = [];
  let length = 0;
  let tooLong = false;
  let lineNo = 0;
  const finish = (): InputLine | undefined => {
    lineNo += 1;
    let text = pieces.join('');
    pieces = [];
    length = 0;
    const wasTooLong = tooLong;
    tooLong = false;
    if (wasTooLong) {
      return { text: '', lineNo, tooLong: true };
    }
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
    }
    if (text.endsWith('\r')) {
      text = text.slice(0, -1);
    }
    return text.trim() === '' ? undefined : { text, lineNo };
  };
  const add = (piece: string): void => {
    if (tooLong) {
      return;
    }
    length += piece.length;
    if (length > maxChars) {
      tooLong = true;
      pieces = [];
    } else {
      pieces.push(piece);
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const str = decoder.write(chunk as Buffer);
    let from = 0;
    for (let nl = str.indexOf('\n'); nl >= 0; nl = str.indexOf('\n', from)) {
      add(str.slice(from, nl));
      from = nl + 1;
      const line = finish();
      if (line) {
        yield line;
      }
    }
    add(str.slice(from));
  }
  add(decoder.end());
  if (length > 0 || tooLong) {
    const line = finish();
    if (line) {
      yield line;
    }
  }
}

/** Parses a line as a JSON object, or returns undefined. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
