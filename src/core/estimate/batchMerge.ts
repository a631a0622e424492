import type { PriceOverride } from '../pricing/prices';
import { BATCH_STRIDE, type BatchResult, PROVIDERS } from './batchEstimate';
import { EstimateTotals } from './estimateTotals';
import type { FileEstimate } from './fileEstimate';
import type { LineEstimate } from './lineEstimate';

/**
 * Puts the pool's batch results back in file order (they come back in any order from several workers) and adds
 * their estimates to the totals one line at a time, as the serial path does: the float sums of the costs then
 * match it exactly, and `--per-line` sees the lines in file order. Holds only results that arrived early.
 */
export class BatchMerge {
  private readonly totals: EstimateTotals;
  private readonly tokenizers: string[] = [];
  private readonly early = new Map<number, BatchResult>();
  private nextSeq = 0;
  private lineBase = 0;

  constructor(
    overrides: ReadonlyMap<string, PriceOverride> | undefined,
    private readonly onLine?: (line: LineEstimate) => void,
  ) {
    this.totals = new EstimateTotals(overrides);
  }

  accept(result: BatchResult): void {
    this.early.set(result.seq, result);
    for (let next = this.early.get(this.nextSeq); next; next = this.early.get(this.nextSeq)) {
      this.early.delete(this.nextSeq);
      this.add(next);
      this.nextSeq++;
    }
  }

  private add(result: BatchResult): void {
    const n = result.numbers;
    for (let i = 0, k = 0; i < n.length; i += BATCH_STRIDE, k++) {
      const line: LineEstimate = {
        line: this.lineBase + n[i],
        key: result.keys?.[k] ?? undefined,
        provider: PROVIDERS[n[i + 5]],
        model: n[i + 4] < 0 ? undefined : result.models[n[i + 4]],
        inputTokens: n[i + 1],
        outputTokens: n[i + 2],
        unknownMedia: n[i + 3],
        // Present only when the line had them, as estimateLine gives them (the pool's lines equal the serial ones).
        ...(n[i + 6] >= 0 && { approximateTokens: n[i + 6] }),
        ...(n[i + 7] > 0 && { unsizedItems: n[i + 7] }),
      };
      this.totals.add(line);
      this.onLine?.(line);
    }
    for (const name of result.tokenizers) {
      if (!this.tokenizers.includes(name)) {
        this.tokenizers.push(name);
      }
    }
    this.lineBase += result.lineCount;
  }

  /** Batches added so far (the first ones in file order). */
  get merged(): number {
    return this.nextSeq;
  }

  /** Whether every batch before `batches` has been added. */
  complete(batches: number): boolean {
    return this.nextSeq === batches;
  }

  /** The file's estimate, once every batch up to `batches` has been accepted. */
  result(batches: number): FileEstimate {
    if (!this.complete(batches)) {
      throw new Error(`estimate pool: ${batches - this.nextSeq} batch result(s) missing`);
    }
    return { ...this.totals.result(), tokenizers: [...this.tokenizers] };
  }
}
