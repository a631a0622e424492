import { type EstimateSummary, emptyEstimate, modelName } from './estimateTotals';

/**
 * One estimate for several files sent together (the parts of a split file, submitted as one group): counts add up;
 * a cost is known only when every file's is; the model is the one they share, `mixed` for several.
 */
export function sumSummaries(parts: readonly EstimateSummary[]): EstimateSummary {
  const total = emptyEstimate();
  const models = new Set<string>();
  let unnamed = false;
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
      if (part.model === undefined) {
        unnamed = true;
      } else {
        models.add(part.model);
      }
    }
  }
  total.model = modelName(models, unnamed);
  return total;
}
