import { lineShape } from '../validation/lineShape';
import { isRecord } from './requestCount';

/** Lines counted by the service per request: enough to see a bias, few enough to stay far from rate limits. */
export const SAMPLE_SIZE = 10;

/** One line of a document: its 0-based index and text. */
export interface SampleLine {
  index: number;
  text: string;
}

/** A sampled line countTokens can be given, with the GenerateContentRequest it holds. */
export interface SampleRequest extends SampleLine {
  request: Record<string, unknown>;
}

/**
 * Why a sampled line is not sent to countTokens: it does not parse ('invalidJson'), or it is no Gemini generate
 * request ('notGemini': an OpenAI or Anthropic line, an embedding request, or an object with no request at all).
 * Gemini's countTokens takes a GenerateContentRequest (discovery CountTokensRequest.generateContentRequest,
 * ../shared/reference/generativelanguage-v1beta-discovery.json); nothing else would be counted for what it is.
 */
export type SkipReason = 'invalidJson' | 'notGemini';

export interface SamplePlan {
  requests: SampleRequest[];
  skipped: Record<SkipReason, number>;
}

/** Up to `size` non-blank lines spread evenly over a document of `lineCount` lines. */
export function sampleLines(
  doc: { lineCount: number; lineAt(line: number): { text: string } },
  size = SAMPLE_SIZE,
): SampleLine[] {
  const step = Math.max(1, Math.floor(doc.lineCount / size));
  const out: SampleLine[] = [];
  for (let i = 0; i < doc.lineCount && out.length < size; i += step) {
    const text = doc.lineAt(i).text;
    if (text.trim()) {
      out.push({ index: i, text });
    }
  }
  return out;
}

/** The sampled lines to count, and how many are skipped and why (a broken line never stops the others). */
export function planSample(lines: readonly SampleLine[]): SamplePlan {
  const plan: SamplePlan = { requests: [], skipped: { invalidJson: 0, notGemini: 0 } };
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch {
      plan.skipped.invalidJson++;
      continue;
    }
    if (!isRecord(parsed) || lineShape(parsed) !== 'gemini-generate') {
      plan.skipped.notGemini++;
      continue;
    }
    // `{"key", "request"}`, or the older bare GenerateContentRequest line.
    const request = parsed.request === undefined ? parsed : parsed.request;
    if (!isRecord(request)) {
      plan.skipped.notGemini++;
      continue;
    }
    plan.requests.push({ ...line, request });
  }
  return plan;
}

/** One counted line: the local estimate, and the service's count (undefined when it gave none). */
export interface SampleCount {
  local: number;
  exact: number | undefined;
}

export interface SampleTally {
  /** Lines with both counts, the only ones summed. */
  compared: number;
  localSum: number;
  exactSum: number;
  /**
   * Lines the service gave no count for. 0 counts as none: the service's JSON leaves out a field that is zero
   * (as batchStats does, ../shared/reference/batch-api.md §1), so a missing `totalTokens` and 0 look the same.
   */
  noCount: number;
  /** (local − exact) / exact in percent; undefined when nothing was compared, so a missing count never reads as 0%. */
  diffPercent?: number;
}

/** Sums the lines that have both counts and compares them; lines without an exact count are set apart, not as 0. */
export function tallySample(counts: readonly SampleCount[]): SampleTally {
  const tally: SampleTally = { compared: 0, localSum: 0, exactSum: 0, noCount: 0 };
  for (const { local, exact } of counts) {
    if (exact === undefined || !Number.isFinite(exact) || exact <= 0) {
      tally.noCount++;
      continue;
    }
    tally.compared++;
    tally.localSum += local;
    tally.exactSum += exact;
  }
  if (tally.exactSum > 0) {
    tally.diffPercent = ((tally.localSum - tally.exactSum) / tally.exactSum) * 100;
  }
  return tally;
}
