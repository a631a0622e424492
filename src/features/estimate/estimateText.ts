import * as vscode from 'vscode';
import type { EnqueuedOverflow } from '../../core/estimate/enqueuedCheck';
import type { EstimateSummary } from '../../core/estimate/estimateTotals';
import type { ProviderId } from '../../core/providers/types';

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

/** A price as the lens and the confirmation say it: "≈ $0.47", or "< $0.01" (a fraction of a cent is noise). */
export function approxUsd(n: number): string {
  return n > 0 && n < 0.01 ? vscode.l10n.t('< $0.01') : `≈ ${usd(n)}`;
}

/** The standard price beside it, without the "≈" (already said): "$0.94", or "< $0.01". */
export function besideUsd(n: number): string {
  return n > 0 && n < 0.01 ? vscode.l10n.t('< $0.01') : usd(n);
}

/** "≈ $0.47 at batch price ($0.94 standard)", or why there is no price. */
export function costWords(s: EstimateSummary): string {
  if (s.costBatch !== undefined && s.costStandard !== undefined) {
    return vscode.l10n.t('{0} at batch price ({1} standard)', approxUsd(s.costBatch), besideUsd(s.costStandard));
  }
  if (s.unpricedModels.length) {
    return vscode.l10n.t('price unknown for {0}', s.unpricedModels.join(', '));
  }
  return vscode.l10n.t('price unknown (no model chosen)');
}

/**
 * The lens's price, naming the model it is priced at when there is one ("gemini-2.5-flash · ≈ $0.47 at batch price
 * ($0.94 standard)"): the same file costs many times more on another model. An unknown price names its models itself.
 */
export function pricedWords(s: EstimateSummary, model: string | undefined): string {
  const priced = s.costBatch !== undefined && s.costStandard !== undefined;
  return priced && model && model !== 'mixed' ? `${model} · ${costWords(s)}` : costWords(s);
}

/** The name the provider picker and the status bar give each backend. */
export function providerName(id: ProviderId): string {
  switch (id) {
    case 'gemini':
      return vscode.l10n.t('Gemini API');
    case 'geminiOpenAI':
      return vscode.l10n.t('Gemini (OpenAI-compatible)');
    case 'openai':
      return vscode.l10n.t('OpenAI');
    case 'emulator':
      return vscode.l10n.t('Local Emulator');
  }
}

/** Who the batch goes to, for the confirmation: the model and the provider that bills it. */
export interface SubmitTarget {
  model: string;
  provider: ProviderId;
  /** The number of files of a group of split parts (one confirmation for all). */
  parts?: number;
  /** Said first under the question: what the submit is (a retry says what it sends again, and why). */
  context?: string;
}

/**
 * The submit confirmation: "Submit 12,400 requests to gemini-2.5-flash (Gemini API): ≈ 3.1M input tokens, ≈ $0.47
 * at batch price ($0.94 standard)?", with "in 3 parts" for a group.
 */
export function submitQuestion(s: EstimateSummary, target: SubmitTarget): string {
  const requests = s.requests.toLocaleString('en-US');
  const provider = providerName(target.provider);
  if (target.parts !== undefined && target.parts > 1) {
    return vscode.l10n.t(
      'Submit {0} requests in {1} parts to {2} ({3}): ≈ {4} input tokens, {5}?',
      requests,
      target.parts.toLocaleString('en-US'),
      target.model,
      provider,
      compactCount(s.inputTokens),
      costWords(s),
    );
  }
  return vscode.l10n.t(
    'Submit {0} requests to {1} ({2}): ≈ {3} input tokens, {4}?',
    requests,
    target.model,
    provider,
    compactCount(s.inputTokens),
    costWords(s),
  );
}

/**
 * Said under the submit question on the local emulator, whose jobs cost nothing: the figures are what the real
 * service would charge for the same file (a walkthrough read the dollars as a bill).
 */
export function emulatorCostNote(provider: ProviderId): string | undefined {
  return provider === 'emulator'
    ? vscode.l10n.t('The local emulator bills nothing: the cost is what the real service would charge.')
    : undefined;
}

/** The submit confirmation when no estimate could be made: the same question, without the figures. */
export function unestimatedQuestion(target: SubmitTarget): string {
  const provider = providerName(target.provider);
  if (target.parts !== undefined && target.parts > 1) {
    return vscode.l10n.t(
      'Submit {0} parts to {1} ({2})? No estimate of tokens or cost could be made.',
      target.parts.toLocaleString('en-US'),
      target.model,
      provider,
    );
  }
  return vscode.l10n.t('Submit to {0} ({1})? No estimate of tokens or cost could be made.', target.model, provider);
}

/**
 * The submit question's warning when a file (or one part of a group) is over the enqueued-token limit on its own
 * (core/estimate/enqueuedCheck.ts): its tokens and the limit, as the lens says them.
 */
export function enqueuedWords(over: EnqueuedOverflow, part: number | undefined): string {
  const args = [compactCount(over.inputTokens), compactCount(over.limit), over.model, over.tier] as const;
  return part === undefined
    ? vscode.l10n.t(
        'This file is over the enqueued-token limit: ≈ {0} input tokens, the limit is {1} for {2} ({3}, geminiBatch.limits.*). It cannot be enqueued whole: split it into parts.',
        ...args,
      )
    : vscode.l10n.t(
        'Part {4} is over the enqueued-token limit: ≈ {0} input tokens, the limit is {1} for {2} ({3}, geminiBatch.limits.*). It cannot be enqueued whole: split it into smaller parts.',
        ...args,
        part.toLocaleString('en-US'),
      );
}

/**
 * The request field that caps a request's output, as the estimate reads it (core/estimate: geminiMaxOutput reads
 * `generationConfig.maxOutputTokens`; openaiMaxOutput reads `max_completion_tokens`, `max_tokens`,
 * `max_output_tokens`). Named per endpoint as the OpenAI SDK types them (node_modules/openai/resources:
 * chat/completions `max_completion_tokens` and the deprecated `max_tokens`, completions `max_tokens`, responses
 * `max_output_tokens`). Read from the file's first line (`url` and `body` mark an OpenAI line).
 */
export function outputCapField(firstLine: string): string {
  let line: { url?: unknown; body?: unknown; custom_id?: unknown } = {};
  try {
    // A first line too long to read cheaply is named generically below.
    line = firstLine.length < 1_000_000 ? (JSON.parse(firstLine) as typeof line) : {};
  } catch {
    /* an unreadable line: the generic wording */
  }
  if (line === null || typeof line !== 'object' || (line.body === undefined && line.custom_id === undefined)) {
    return firstLine.includes('"custom_id"') ? 'max_completion_tokens/max_tokens/max_output_tokens' : 'maxOutputTokens';
  }
  const url = typeof line.url === 'string' ? line.url : '';
  if (url.endsWith('/responses')) {
    return 'max_output_tokens';
  }
  if (url.endsWith('/chat/completions')) {
    return 'max_completion_tokens/max_tokens';
  }
  if (url.endsWith('/completions')) {
    return 'max_tokens';
  }
  return 'max_completion_tokens/max_tokens/max_output_tokens';
}

/**
 * What the cost assumes, for the detail line and the CodeLens tooltip. No output is assumed for embeddings (their
 * lines assume 0), so the output sentence is left out rather than say "≈ 0 tokens".
 */
export function assumptionWords(s: EstimateSummary, assumedPerRequest: number, capField = 'maxOutputTokens'): string {
  const input = vscode.l10n.t('Input counted offline.');
  if (s.outputTokensAssumed === 0) {
    return [input, ...inputCaveats(s)].join(' ');
  }
  const output = vscode.l10n.t(
    "Output: ≈ {0} tokens assumed (each request's {1}, else {2}; thinking included).",
    compactCount(s.outputTokensAssumed),
    capField,
    assumedPerRequest.toLocaleString('en-US'),
  );
  return [output, input, ...inputCaveats(s)].join(' ');
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
