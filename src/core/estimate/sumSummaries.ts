import type { EstimateSummary } from './estimateTotals';

/**
 * One estimate for several files sent together (the parts of a split file, submitted as one group): counts add up;
 * a cost is known only when every file's is; the model is the one they share, `mixed` for several.
 */
export function sumSummaries(parts: readonly EstimateSummary[]): EstimateSummary {
  const total: EstimateSummary = {
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
  const models = new Set<string | undefined>();
  for (const part of parts) {
    total.requests += part.requests;
    total.inputTokens += part.inputTokens;
    total.outputTokensAssumed += part.outputTokensAssumed;
    total.unknownMedia += part.unknownMedia;
    total.approximateTokens += part.approximateTokens;
    total.approximateRequests += part.approximateRequests;
    total.unsizedItems += part.unsizedItems;
    total.costBatch =
      total.costBatch === undefined || part.costBatch === undefined ? undefined : total.costBatch + part.costBatch;
    total.costStandard =
      total.costStandard === undefined || part.costStandard === undefined
        ? undefined
        : total.costStandard + part.costStandard;
    for (const model of part.unpricedModels) {
      if (!total.unpricedModels.includes(model)) {
        total.unpricedModels.push(model);
      }
    }
    if (part.requests > 0) {
      models.add(part.model);
    }
  }
  // As EstimateTotals names it: `mixed` for several models, none beside a file that names none.
  const named = [...models].filter((m) => m !== undefined);
  if (named.length > 1 || named.includes('mixed')) {
    total.model = 'mixed';
  } else if (named.length === 1 && !models.has(undefined)) {
    total.model = named[0];
  }
  return total;
}
