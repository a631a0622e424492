import { Interner, OffsetColumn, U32Column } from './columns';
import type { ResultRow } from './resultRow';
import type { ErrorAdvice } from './errorOf';
import type { PriceOverride } from '../pricing/prices';
import { usageCost } from '../pricing/usageCost';

/** `tokens` column value for a row whose response reports no count. */
export const NO_TOKENS = 0xffffffff;

const OK = 1;
const HAS_KEY = 2;

/** What the header shows: counts, failures by code, finish reasons, and token totals over every row read so far. */
export interface ResultsSummary {
  rows: number;
  succeeded: number;
  failed: number;
  byErrorCode: Record<string, number>;
  byFinishReason: Record<string, number>;
  /** The advice of each error code (the same code always has the same advice). */
  adviceByCode: Record<string, ErrorAdvice>;
  tokens: { prompt: number; output: number; thoughts: number; cached: number; total: number };
  /**
   * What the answered rows cost at batch price, from the tokens they report and the price table (core/pricing):
   * rows whose model has no known price are counted apart, never priced by a guess.
   */
  cost: { batchUsd: number; pricedRows: number; unpricedRows: number };
}

/**
 * The compact per-row facts filters, sort and the header need, one entry per result line in file order: where the
 * line is (offset, length; filled by a fast first pass, so the list can page at once), then ok, finish reason and
 * error code (interned ids packed in one word) and total tokens (filled by a second pass that parses each line).
 * About 16 bytes a row; the lines themselves stay on disk and are paged in by offset.
 */
export class ResultsTable {
  readonly offsets = new OffsetColumn();
  readonly lengths = new U32Column();
  /** bit 0 ok, bit 1 has key, bits 2–16 finish reason id, bits 17–31 error code id. */
  readonly packed = new U32Column();
  readonly tokens = new U32Column();
  readonly finishReasons = new Interner(1000);
  readonly errorCodes = new Interner(1000);
  private readonly summaryState: ResultsSummary = {
    rows: 0, succeeded: 0, failed: 0, byErrorCode: {}, byFinishReason: {}, adviceByCode: {},
    tokens: { prompt: 0, output: 0, thoughts: 0, cached: 0, total: 0 },
    cost: { batchUsd: 0, pricedRows: 0, unpricedRows: 0 },
  };

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
    this.packed.push(((row.ok ? OK : 0) | (row.key !== undefined ? HAS_KEY : 0) | (finish << 2) | (code << 17)) >>> 0);
    const t = row.tokens;
    const total = t.total ?? ((t.prompt ?? 0) + (t.output ?? 0) + (t.thoughts ?? 0) || undefined);
    this.tokens.push(total === undefined ? NO_TOKENS : Math.min(total, NO_TOKENS - 1));
    this.count(row);
  }

  /** Both passes for one row at once (tests, small files). */
  add(offset: number, length: number, row: ResultRow): void {
    this.addLine(offset, length);
    this.addFacts(row);
  }

  private count(row: ResultRow): void {
    const s = this.summaryState;
    s.rows++;
    if (row.ok) {
      s.succeeded++;
    } else {
      s.failed++;
      const code = this.errorCodes.value(this.errorCodes.id(row.error?.code ?? 'error')) ?? 'error';
      s.byErrorCode[code] = (s.byErrorCode[code] ?? 0) + 1;
      s.adviceByCode[code] = row.error?.advice ?? 'unknown';
    }
    const finish = this.finishReasons.value(this.finishReasons.id(row.finishReason));
    if (finish !== undefined) {
      s.byFinishReason[finish] = (s.byFinishReason[finish] ?? 0) + 1;
    }
    s.tokens.prompt += row.tokens.prompt ?? 0;
    s.tokens.output += row.tokens.output ?? 0;
    s.tokens.thoughts += row.tokens.thoughts ?? 0;
    s.tokens.cached += row.tokens.cached ?? 0;
    s.tokens.total += row.tokens.total ?? ((row.tokens.prompt ?? 0) + (row.tokens.output ?? 0) + (row.tokens.thoughts ?? 0));
    if (row.ok) {
      this.addCost(row);
    }
  }

  private addCost(row: ResultRow): void {
    const t = row.tokens;
    const usage = { inputTokens: t.prompt ?? 0, outputTokens: (t.output ?? 0) + (t.thoughts ?? 0), cachedTokens: t.cached ?? 0 };
    const usd = row.modelVersion ? usageCost(row.modelVersion, usage, 'batch', this.prices) : undefined;
    const cost = this.summaryState.cost;
    if (usd === undefined) {
      cost.unpricedRows++;
    } else {
      cost.batchUsd += usd;
      cost.pricedRows++;
    }
  }

  summary(): ResultsSummary {
    const s = this.summaryState;
    return { ...s, byErrorCode: { ...s.byErrorCode }, byFinishReason: { ...s.byFinishReason }, adviceByCode: { ...s.adviceByCode }, tokens: { ...s.tokens }, cost: { ...s.cost } };
  }

  ok(index: number): boolean {
    return (this.packed.get(index) & OK) !== 0;
  }

  hasKey(index: number): boolean {
    return (this.packed.get(index) & HAS_KEY) !== 0;
  }

  finishReasonId(index: number): number {
    return (this.packed.get(index) >>> 2) & 0x7fff;
  }

  errorCodeId(index: number): number {
    return (this.packed.get(index) >>> 17) & 0x7fff;
  }
}
