import * as vscode from 'vscode';
import type { Log } from '../../adapters/log';
import { planSample, sampleLines, type SamplePlan, tallySample } from '../../core/estimate/exactSamplePlan';
import type { BatchProvider } from '../../core/providers/types';
import type { TokenWorkerClient } from './tokenWorkerClient';

/**
 * Why an OpenAI-format file gets no exact count: neither service counts its lines. OpenAI's one token-count call,
 * `POST /v1/responses/input_tokens` (node_modules/openai/resources/responses/input-tokens.d.ts), takes a Responses
 * request, not a batch line of /v1/chat/completions or /v1/embeddings; Gemini's OpenAI compatibility layer documents
 * no count at all (../shared/reference/batch-api.md §2); Gemini's countTokens takes a GenerateContentRequest only.
 */
export function openAiExactCountWords(): string {
  return vscode.l10n.t(
    'An exact count is not available for OpenAI-format files: neither OpenAI nor Gemini offers a token-count call for their batch lines. The estimate is the local count only.',
  );
}

/** "2 lines skipped: not valid JSON." and the like, or '' when nothing was skipped. */
function skippedWords(plan: SamplePlan, noCount: number): string {
  const parts: string[] = [];
  const { invalidJson, notGemini } = plan.skipped;
  if (invalidJson > 0) {
    parts.push(
      invalidJson === 1
        ? vscode.l10n.t('1 line skipped: not valid JSON.')
        : vscode.l10n.t('{0} lines skipped: not valid JSON.', invalidJson),
    );
  }
  if (notGemini > 0) {
    parts.push(
      notGemini === 1
        ? vscode.l10n.t('1 line skipped: not a Gemini generate request.')
        : vscode.l10n.t('{0} lines skipped: not Gemini generate requests.', notGemini),
    );
  }
  if (noCount > 0) {
    parts.push(
      noCount === 1
        ? vscode.l10n.t('countTokens gave no count for 1 line.')
        : vscode.l10n.t('countTokens gave no count for {0} lines.', noCount),
    );
  }
  return parts.join(' ');
}

/**
 * "Exact count on demand": the provider's countTokens for a sample of lines, reported beside the local estimate
 * of the same lines (in the log, line by line, and as a one-line summary). Lines that are not valid JSON, or no
 * Gemini request, are skipped and said so; the others are still counted.
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
  const plan = planSample(sampleLines(document));
  const local = await worker.lines(
    plan.requests.map(({ index, text }) => ({ index, text })),
    { model, assumedOutputTokens: 0 },
  );
  const counts: { local: number; exact: number | undefined }[] = [];
  for (const [i, { index, request }] of plan.requests.entries()) {
    const estimate = local[i];
    if (!estimate) {
      continue;
    }
    const exact = await provider.countTokens(model, request);
    log.info(`[estimate] line ${index + 1}: local ${estimate.inputTokens}, ${provider.id} countTokens ${exact}`);
    counts.push({ local: estimate.inputTokens, exact });
  }
  const tally = tallySample(counts);
  if (counts.length === 0) {
    return [vscode.l10n.t('No request line to count in this file.'), skippedWords(plan, 0)].filter(Boolean).join(' ');
  }
  if (tally.diffPercent === undefined) {
    // Never "countTokens 0 (+0.0%)": with no count from the service there is nothing to compare.
    return [
      vscode.l10n.t(
        'countTokens gave no count for the {0} sampled lines ({1}): nothing to compare the local estimate with.',
        counts.length,
        model,
      ),
      skippedWords(plan, 0),
    ]
      .filter(Boolean)
      .join(' ');
  }
  const diff = tally.diffPercent;
  const head = vscode.l10n.t(
    '{0} sampled lines ({1}): local estimate {2} tokens, countTokens {3} (local {4}%).',
    tally.compared,
    model,
    tally.localSum.toLocaleString('en-US'),
    tally.exactSum.toLocaleString('en-US'),
    `${diff >= 0 ? '+' : ''}${diff.toFixed(1)}`,
  );
  // The emulator's countTokens is this same local count (EmulatorOptions.promptTokens, syncEndpoints.ts), so a 0% there says nothing of accuracy.
  const emulated =
    provider.id === 'emulator'
      ? vscode.l10n.t(
          "The emulator's countTokens counts with this same local tokenizer, so they agree by design: switch to the Gemini API for a real comparison.",
        )
      : '';
  return [head, emulated, skippedWords(plan, tally.noCount)].filter(Boolean).join(' ');
}
