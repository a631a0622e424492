import { type PriceOverride, priceFor, requestCost } from '../pricing/prices';
import type { LineEstimate } from './lineEstimate';

/** What a file will cost, summed over its lines. A cost is undefined when a line's model has no known price. */
export interface EstimateSummary {
  requests: number;
  inputTokens: number;
  outputTokensAssumed: number;
  unknownMedia: number;
  /** Tokens of `inputTokens` that are a fitted guess (LineEstimate.approximateTokens), and the requests holding them. */
  approximateTokens: number;
  approximateRequests: number;
  /** Billed items the client cannot see, not counted in `inputTokens` (LineEstimate.unsizedItems). */
  unsizedItems: number;
  /** The model of the lines, or `mixed`/undefined. */
  model?: string;
  costBatch?: number;
  costStandard?: number;
  /** Models seen without a price. */
  unpricedModels: string[];
}

/** The estimate of nothing: no request, no cost (a known cost of 0). */
export function emptyEstimate(): EstimateSummary {
  return {
    requests: 0,
    inputTokens: 0,
    outputTokensAssumed: 0,
    unknownMedia: 0,
    approximateTokens: 0,
    approximateRequests: 0,
    unsizedItems: 0,
    costBatch: 0,
    costStandard: 0,
    unpricedModels: [],
  };
}

/** The one model every request names, `mixed` for several, undefined for none (or one beside unnamed requests). */
export function modelName(models: ReadonlySet<string>, unnamed: boolean): string | undefined {
  if (models.size > 1 || models.has('mixed')) {
    return 'mixed';
  }
  return models.size === 1 && !unnamed ? [...models][0] : undefined;
}

/** Sums line estimates as they stream by; holds no line, so memory stays flat on any file. */
export class EstimateTotals {
  private readonly summary: EstimateSummary = emptyEstimate();
  private readonly models = new Set<string>();
  private unnamed = false;

  constructor(private readonly overrides: ReadonlyMap<string, PriceOverride> = new Map()) {}

  add(line: LineEstimate): void {
    const s = this.summary;
    s.requests++;
    s.inputTokens += line.inputTokens;
    s.outputTokensAssumed += line.outputTokens;
    s.unknownMedia += line.unknownMedia;
    if (line.approximateTokens !== undefined) {
      s.approximateTokens += line.approximateTokens;
      s.approximateRequests++;
    }
    s.unsizedItems += line.unsizedItems ?? 0;
    if (line.model === undefined) {
      this.unnamed = true;
    } else {
      this.models.add(line.model);
    }
    const entry = line.model === undefined ? undefined : priceFor(line.model, this.overrides);
    if (!entry) {
      if (line.model !== undefined && !s.unpricedModels.includes(line.model)) {
        s.unpricedModels.push(line.model);
      }
      s.costBatch = undefined;
      s.costStandard = undefined;
      return;
    }
    if (s.costBatch !== undefined) {
      s.costBatch += requestCost(entry, 'batch', line.inputTokens, line.outputTokens);
    }
    if (s.costStandard !== undefined) {
      s.costStandard += requestCost(entry, 'standard', line.inputTokens, line.outputTokens);
    }
  }

  result(): EstimateSummary {
    const model = modelName(this.models, this.unnamed);
    const empty = this.summary.requests === 0;
    return {
      ...this.summary,
      model,
      unpricedModels: [...this.summary.unpricedModels],
      costBatch: empty ? 0 : this.summary.costBatch,
      costStandard: empty ? 0 : this.summary.costStandard,
    };
  }
}
