import { SplitError } from './splitErrors';

/** What one part may hold. */
export interface SplitLimits {
  /** Largest part in bytes (line terminators included). */
  maxBytes: number;
  /** Most request (non-blank) lines per part; no cap when absent. */
  maxLines?: number;
  /**
   * Most input tokens per part (the counts come from the caller, line by line): the Batch API's enqueued-token
   * limit is on input tokens, so a part under it can be enqueued alone. No cap when absent.
   */
  maxTokens?: number;
}

/**
 * Decides, line by line in file order, where a new part starts: greedy, so parts are as full as the limits allow
 * and their count is the fewest for this order. Pure arithmetic, no I/O: the split streams, this only counts.
 */
export class LinePacker {
  private bytes = 0;
  private requests = 0;
  private tokens = 0;
  private started = false;

  constructor(private readonly limits: SplitLimits) {
    const positiveOrAbsent = (n: number | undefined): boolean => n === undefined || n > 0;
    if (!(limits.maxBytes > 0) || !positiveOrAbsent(limits.maxLines) || !positiveOrAbsent(limits.maxTokens)) {
      throw new RangeError('split limits must be positive');
    }
  }

  /**
   * True when the line (`lineBytes` long, `blank` or a request of `lineTokens` input tokens) must open a new part;
   * counts it into the part it goes to. Throws {@link SplitError} 'line-too-large' for a line that fits no part by
   * its bytes, 'line-over-tokens' for a request whose tokens alone pass `maxTokens`.
   */
  startsNewPart(lineBytes: number, blank: boolean, lineNo: number, lineTokens = 0): boolean {
    const { maxBytes, maxLines, maxTokens } = this.limits;
    if (lineBytes > maxBytes) {
      throw new SplitError('line-too-large', { line: lineNo, bytes: lineBytes, limit: maxBytes });
    }
    if (maxTokens !== undefined && lineTokens > maxTokens) {
      throw new SplitError('line-over-tokens', { line: lineNo, tokens: lineTokens, limit: maxTokens });
    }
    const add = blank ? 0 : 1;
    const overBytes = this.bytes + lineBytes > maxBytes;
    const overLines = maxLines !== undefined && this.requests + add > maxLines;
    const overTokens = maxTokens !== undefined && this.tokens + lineTokens > maxTokens;
    const fresh = !this.started || overBytes || overLines || overTokens;
    if (fresh && this.started) {
      this.bytes = 0;
      this.requests = 0;
      this.tokens = 0;
    }
    this.started = true;
    this.bytes += lineBytes;
    this.requests += add;
    this.tokens += lineTokens;
    return fresh;
  }
}
