import * as vscode from 'vscode';
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
    return vscode.l10n.t('≈ {0} at batch price ({1} standard)', usd(s.costBatch), usd(s.costStandard));
  }
  if (s.unpricedModels.length) {
    return vscode.l10n.t('price unknown for {0}', s.unpricedModels.join(', '));
  }
  return vscode.l10n.t('price unknown (no model chosen)');
}

/** The submit confirmation: "Submit 12,400 requests: ≈ 3.1M input tokens, ≈ $0.47 at batch price ($0.94 standard)?" */
export function submitQuestion(s: EstimateSummary): string {
  return vscode.l10n.t(
    'Submit {0} requests: ≈ {1} input tokens, {2}?',
    s.requests.toLocaleString('en-US'),
    compactCount(s.inputTokens),
    costWords(s),
  );
}

/** What the cost assumes, for the detail line and the CodeLens tooltip. */
export function assumptionWords(s: EstimateSummary, assumedPerRequest: number): string {
  const output = vscode.l10n.t(
    "Output: ≈ {0} tokens assumed (each request's maxOutputTokens, else {1}; thinking included). Input counted offline.",
    compactCount(s.outputTokensAssumed),
    assumedPerRequest.toLocaleString('en-US'),
  );
  return [output, ...inputCaveats(s)].join(' ');
}

/**
 * What the input count cannot know: media of unknown size, thought signatures' thinking, a request nested too deep or
 * a line too long to read (approximate tokens), items the client cannot see.
 */
function inputCaveats(s: EstimateSummary): string[] {
  const caveats: string[] = [];
  if (s.unknownMedia) {
    caveats.push(vscode.l10n.t('{0} media part(s) of unknown size are not counted.', s.unknownMedia));
  }
  if (s.approximateRequests) {
    caveats.push(
      vscode.l10n.t(
        '≈ {0} tokens in {1} request(s) are a guess: the thinking that thought signatures replay (guessed from their length), a request nested too deep to render (counted by its pieces), or a line too long to read (over 64 MB, sized at 4 bytes a token).',
        compactCount(s.approximateTokens),
        s.approximateRequests.toLocaleString('en-US'),
      ),
    );
  }
  if (s.unsizedItems) {
    caveats.push(
      vscode.l10n.t(
        '{0} item(s) the client cannot see (encrypted reasoning, compaction, stored items) are not counted.',
        s.unsizedItems.toLocaleString('en-US'),
      ),
    );
  }
  return caveats;
}
