import type { PriceOverride } from '../pricing/prices';
import { EstimateTotals, type EstimateSummary } from './estimateTotals';
import type { LineEstimate } from './lineEstimate';

/**
 * The estimate of an open document, line by line, so an edit re-counts only its lines: `edit` splices the line
 * array like the document (the lines after shift, keeping their counts) and returns the lines to count again.
 * A line not yet counted is `pending`; blank and non-request lines hold `undefined`.
 */
export type Slot = LineEstimate | undefined | 'pending';

export class LineEstimates {
  private slots: Slot[] = [];

  /** A new text of `lineCount` lines: everything pending. */
  reset(lineCount: number): number[] {
    this.slots = new Array<Slot>(lineCount).fill('pending');
    return this.slots.map((_, i) => i);
  }

  /** Lines `start..start+removed-1` became `inserted` lines; returns the 0-based lines to count. */
  edit(start: number, removed: number, inserted: number): number[] {
    this.slots.splice(start, removed, ...new Array<Slot>(inserted).fill('pending'));
    return Array.from({ length: inserted }, (_, i) => start + i);
  }

  /** Stores the count of 0-based `line`; line numbers in the estimate are renumbered at summary time. */
  set(line: number, estimate: LineEstimate | undefined): void {
    if (line < this.slots.length) {
      this.slots[line] = estimate;
    }
  }

  pending(): number[] {
    const out: number[] = [];
    this.slots.forEach((s, i) => {
      if (s === 'pending') {
        out.push(i);
      }
    });
    return out;
  }

  get lineCount(): number {
    return this.slots.length;
  }

  /** Totals over the counted lines, `complete` false while some are pending. */
  summary(
    overrides?: ReadonlyMap<string, PriceOverride>,
    model?: string,
  ): { summary: EstimateSummary; complete: boolean } {
    const totals = new EstimateTotals(overrides);
    let complete = true;
    this.slots.forEach((slot, i) => {
      if (slot === 'pending') {
        complete = false;
        return;
      }
      if (slot) {
        totals.add({ ...slot, line: i + 1, model: model ?? slot.model });
      }
    });
    return { summary: totals.result(), complete };
  }

  /**
   * Each line's input tokens (0 for blank and non-request lines), or undefined while some line is still pending:
   * what a split by tokens needs, the same counts the lens shows.
   */
  inputTokensByLine(): number[] | undefined {
    const out = new Array<number>(this.slots.length);
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (slot === 'pending') {
        return undefined;
      }
      out[i] = slot?.inputTokens ?? 0;
    }
    return out;
  }
}
