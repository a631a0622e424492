import type { LineEstimate } from '../core/estimate/lineEstimate';
import type { CliIo } from './cliIo';
import { count } from './textFormat';

/** Printed in pieces of about this many characters: one write per line would cost more than the counting. */
const FLUSH_CHARS = 64 * 1024;

/**
 * `estimate --per-line` output, written as the estimates arrive (in file order), so memory stays flat whatever the
 * file's size instead of holding every line's estimate until the end.
 * - text: `FILE:LINE: KEY: N input tokens`, one per line, then the summary line as before;
 * - json: one object per file, its `lines` array streamed first and the file's figures after it
 *   (`{"file":…,"lines":[…],"model":…,"requests":…,…}`: the same keys as before, `lines` moved up).
 * A file that fails after some lines are out still ends as valid JSON, with an `"error"` field.
 */
export class PerLineOutput {
  private pending = '';
  private opened = false;

  constructor(
    private readonly io: CliIo,
    private readonly format: 'text' | 'json',
    private readonly file: string,
  ) {}

  line(l: LineEstimate): void {
    if (this.format === 'text') {
      this.pending += `${this.file}:${l.line}: ${l.key ?? '-'}: ${count(l.inputTokens, 'input token')}\n`;
    } else {
      this.pending += `${this.open()}${JSON.stringify({ line: l.line, key: l.key ?? null, input_tokens: l.inputTokens })}`;
    }
    if (this.pending.length >= FLUSH_CHARS) {
      this.flush();
    }
  }

  /** JSON: closes the object with the file's figures (`record`, without `file`); text: writes what is pending. */
  finish(record?: Record<string, unknown>): void {
    if (this.format === 'json') {
      const rest = JSON.stringify(record ?? {}).slice(1, -1);
      this.pending += `${this.opened ? '' : this.open()}]${rest ? `,${rest}` : ''}}\n`;
    }
    this.flush();
  }

  /** After a failure: a started JSON object is closed with the error, so what was printed still parses. */
  fail(error: string): void {
    if (this.opened) {
      this.finish({ error });
    } else {
      this.flush();
    }
  }

  /** The object's start before the first line, a comma before the next ones. */
  private open(): string {
    if (this.opened) {
      return ',';
    }
    this.opened = true;
    return `{"file":${JSON.stringify(this.file)},"lines":[`;
  }

  private flush(): void {
    if (this.pending) {
      this.io.stdout(this.pending);
      this.pending = '';
    }
  }
}
