import * as vscode from 'vscode';
import type { Log } from '../../adapters/log';
import { isRecord } from '../../core/estimate/requestCount';
import type { BatchProvider } from '../../core/providers/types';
import type { TokenWorkerClient } from './tokenWorkerClient';

/** Lines counted by the service per request: enough to see a bias, few enough to stay far from rate limits. */
const SAMPLE = 10;

/** Up to SAMPLE request lines spread evenly over the document. */
function sampleLines(document: vscode.TextDocument): { index: number; text: string }[] {
  const step = Math.max(1, Math.floor(document.lineCount / SAMPLE));
  const out: { index: number; text: string }[] = [];
  for (let i = 0; i < document.lineCount && out.length < SAMPLE; i += step) {
    const text = document.lineAt(i).text;
    if (text.trim()) {
      out.push({ index: i, text });
    }
  }
  return out;
}

/**
 * "Exact count on demand": the provider's countTokens for a sample of lines, reported beside the local estimate
 * of the same lines (in the log, line by line, and as a one-line summary).
 */
export async function exactSample(
  document: vscode.TextDocument,
  model: string,
  provider: BatchProvider,
  worker: TokenWorkerClient,
  log: Log,
): Promise<string> {
  if (!provider.countTokens) {
    return vscode.l10n.t('The {0} service has no token-count call; the estimate is the local count only.', provider.id);
  }
  const lines = sampleLines(document);
  const local = await worker.lines(lines, { model, assumedOutputTokens: 0 });
  let localSum = 0;
  let exactSum = 0;
  let counted = 0;
  for (const [i, { index, text }] of lines.entries()) {
    const estimate = local[i];
    const parsed: unknown = JSON.parse(text);
    const request = isRecord(parsed) && isRecord(parsed.request) ? parsed.request : parsed;
    if (!estimate || !isRecord(request)) {
      continue;
    }
    const exact = await provider.countTokens(model, request);
    log.info(`[estimate] line ${index + 1}: local ${estimate.inputTokens}, ${provider.id} countTokens ${exact}`);
    localSum += estimate.inputTokens;
    exactSum += exact;
    counted++;
  }
  if (counted === 0) {
    return vscode.l10n.t('No request line to count in this file.');
  }
  const diff = exactSum === 0 ? 0 : ((localSum - exactSum) / exactSum) * 100;
  return vscode.l10n.t(
    '{0} sampled lines ({1}): local estimate {2} tokens, countTokens {3} ({4}%).',
    counted,
    model,
    localSum.toLocaleString('en-US'),
    exactSum.toLocaleString('en-US'),
    `${diff >= 0 ? '+' : ''}${diff.toFixed(1)}`,
  );
}
