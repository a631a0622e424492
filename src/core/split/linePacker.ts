import { SplitError } from './splitErrors';

/** What one part may hold. */
export interface SplitLimits {
  /** Largest part in bytes (line terminators included). */
  maxBytes: number;
  /** Most request (non-blank) lines per part; no cap when absent. */
  maxLines?: number;
}

/**
 * Decides, line by line in file order, where a new part starts: greedy, so parts are as full as the limits allow
 * and their count is the fewest for this order. Pure arithmetic, no I/O: the split streams, this only counts.
 */
export class LinePacker {
  private bytes = 0;
  private requests = 0;
  private started = false;

  constructor(private readonly limits: SplitLimits) {
    if (!(limits.maxBytes > 0) || (limits.maxLines !== undefined && !(limits.maxLines > 0))) {
      throw new RangeError('split limits must be positive');
    }
  }

  /**
   * True when the line (`lineBytes` long, `blank` or a request) must open a new part; counts it into the part it
   * goes to. Throws {@link SplitError} 'line-too-large' for a line that fits no part.
   */
  startsNewPart(lineBytes: number, blank: boolean, lineNo: number): boolean {
    if (lineBytes > this.limits.maxBytes) {
      throw new SplitError('line-too-large', { line: lineNo, bytes: lineBytes, limit: this.limits.maxBytes });
    }
    const add = blank ? 0 : 1;
    const overBytes = this.bytes + lineBytes > this.limits.maxBytes;
    const overLines = this.limits.maxLines !== undefined && this.requests + add > this.limits.maxLines;
    const fresh = !this.started || overBytes || overLines;
    if (fresh && this.started) {
      this.bytes = 0;
      this.requests = 0;
    }
    this.started = true;
    this.bytes += lineBytes;
    this.requests += add;
    return fresh;
  }
}
