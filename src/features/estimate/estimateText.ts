import type { EstimateSummary } from '../../core/estimate/estimateTotals';

/** Words for estimates (the core returns numbers). */
export function compactCount(n: number): string {
  if (n >= 1e9) {
    return `${(n / 1e9).toFixed(1)}B`;
  }
  if (n >= 1e6) {
    return `${(n / 1e6).toFixed(1)}M`;
  }
  if (n >= 1e4) {
    return `${(n / 1e3).toFixed(1)}k`;
  }
  return n.toLocaleString('en-US');
}

export function usd(n: number): string {
  if (n > 0 && n < 0.01) {
    return `$${n.toPrecision(2)}`;
  }
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "≈ $0.47 at batch price ($0.94 standard)", or why there is no price. */
export function costWords(s: EstimateSummary): string {
  if (s.costBatch !== undefined && s.costStandard !== undefined) {
    return `≈ ${usd(s.costBatch)} at batch price (${usd(s.costStandard)} standard)`;
  }
  if (s.unpricedModels.length) {
    return `price unknown for ${s.unpricedModels.join(', ')}`;
  }
  return 'price unknown (no model chosen)';
}

/** The submit confirmation: "Submit 12,400 requests: ≈ 3.1M input tokens, ≈ $0.47 at batch price ($0.94 standard)?" */
export function submitQuestion(s: EstimateSummary): string {
  return `Submit ${s.requests.toLocaleString('en-US')} requests: ≈ ${compactCount(s.inputTokens)} input tokens, ${costWords(s)}?`;
}

/** What the cost assumes, for the detail line and the CodeLens tooltip. */
export function assumptionWords(s: EstimateSummary, assumedPerRequest: number): string {
  const media = s.unknownMedia ? ` ${s.unknownMedia} media part(s) of unknown size are not counted.` : '';
  return `Output: ≈ ${compactCount(s.outputTokensAssumed)} tokens assumed (each request's maxOutputTokens, else ${assumedPerRequest.toLocaleString('en-US')}; thinking included). Input counted offline.${media}`;
}
