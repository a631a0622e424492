import { Interner, OffsetColumn, U32Column } from './columns';
import type { ResultRow } from './resultRow';
import type { PriceOverride } from '../pricing/prices';
import { addRow, copySummary, emptySummary, type RowSummary } from './rowSummary';

/** `tokens` column value for a row whose response reports no count. */
export const NO_TOKENS = 0xffffffff;

const OK = 1;
const HAS_KEY = 2;
const NO_ANSWER = 4;

/** What the header shows: the one summary the CLI prints too (rowSummary.ts), over every row read so far. */
export type ResultsSummary = RowSummary;

/**
 * The compact per-row facts filters, sort and the header need, one entry per result line in file order: where the
 * line is (offset, length; filled by a fast first pass, so the list can page at once), then ok, finish reason and
 * error code (interned ids packed in one word) and total tokens (filled by a second pass that parses each line).
 * About 16 bytes a row; the lines themselves stay on disk and are paged in by offset.
 */
export class ResultsTable {
  readonly offsets = new OffsetColumn();
  readonly lengths = new U32Column();
  /** bit 0 ok, bit 1 has key, bit 2 no answer, bits 3–16 finish reason id, bits 17–31 error code id. */
  readonly packed = new U32Column();
  readonly tokens = new U32Column();
  readonly finishReasons = new Interner(1000);
  readonly errorCodes = new Interner(1000);
  private readonly summaryState = emptySummary();

  /** `prices`: the user's overrides of the price table (geminiBatch.pricing.overrides). */
  constructor(private readonly prices?: ReadonlyMap<string, PriceOverride>) {}

  /** Rows whose line is indexed (pass 1: where each line is). */
  get rowCount(): number {
    return this.offsets.length;
  }

  /** Rows whose facts are known (pass 2: each line parsed); always ≤ rowCount, rows 0…factsCount-1. */
  get factsCount(): number {
    return this.packed.length;
  }

  /** Pass 1: one more line. */
  addLine(offset: number, length: number): void {
    this.offsets.push(offset);
    this.lengths.push(length);
  }

  /** Pass 2: the facts of row `factsCount` (the next one). */
  addFacts(row: ResultRow): void {
    const finish = this.finishReasons.id(row.finishReason);
    const code = row.ok ? 0 : this.errorCodes.id(row.error?.code ?? 'error');
    const flags = (row.ok ? OK : 0) | (row.key !== undefined ? HAS_KEY : 0) | (row.ok && row.noAnswer ? NO_ANSWER : 0);
    this.packed.push((flags | (finish << 3) | (code << 17)) >>> 0);
    const t = row.tokens;
    const total = t.total ?? ((t.prompt ?? 0) + (t.output ?? 0) + (t.thoughts ?? 0) || undefined);
    this.tokens.push(total === undefined ? NO_TOKENS : Math.min(total, NO_TOKENS - 1));
    addRow(this.summaryState, row, this.prices);
  }

  /** Both passes for one row at once (tests, small files). */
  add(offset: number, length: number, row: ResultRow): void {
    this.addLine(offset, length);
    this.addFacts(row);
  }

  summary(): ResultsSummary {
    return copySummary(this.summaryState);
  }

  ok(index: number): boolean {
    return (this.packed.get(index) & OK) !== 0;
  }

  hasKey(index: number): boolean {
    return (this.packed.get(index) & HAS_KEY) !== 0;
  }

  /** A response without a usable answer (ResultRow.noAnswer); `ok` is true for it too. */
  noAnswer(index: number): boolean {
    return (this.packed.get(index) & NO_ANSWER) !== 0;
  }

  /** 14 bits: the interner's limit (1000) fits. */
  finishReasonId(index: number): number {
    return (this.packed.get(index) >>> 3) & 0x3fff;
  }

  errorCodeId(index: number): number {
    return (this.packed.get(index) >>> 17) & 0x7fff;
  }
}
