import { oneOf, parseFlagArgs, UsageError } from './flagArgs';
import type { OutputFormat } from './validateArgs';

/**
 * Output tokens assumed for a request without a cap. The editor reads `geminiBatch.estimate.assumedOutputTokens`,
 * whose package.json default a unit test keeps equal to this, so the CLI and the editor agree.
 */
export const CLI_ASSUMED_OUTPUT_TOKENS = 1000;

export interface EstimateArgs {
  files: string[];
  model?: string;
  format: OutputFormat;
  perLine: boolean;
  outputTokens: number;
}

/** Parses `estimate` arguments: FILE... [--model M] [--format text|json] [--per-line] [--output-tokens N]. */
export function parseEstimateArgs(args: readonly string[]): EstimateArgs {
  const parsed = parseFlagArgs(args, ['--model', '--format', '--output-tokens'], ['--per-line']);
  if (parsed.operands.length === 0) {
    throw new UsageError('estimate needs at least one FILE');
  }
  const rawTokens = parsed.flags.get('--output-tokens');
  const outputTokens = rawTokens === undefined ? CLI_ASSUMED_OUTPUT_TOKENS : Number(rawTokens);
  if (!Number.isInteger(outputTokens) || outputTokens < 0) {
    throw new UsageError('--output-tokens must be a whole number ≥ 0');
  }
  return {
    files: parsed.operands,
    model: parsed.flags.get('--model')?.replace(/^models\//, ''),
    format: oneOf(parsed, '--format', ['text', 'json'], 'text'),
    perLine: parsed.flags.has('--per-line'),
    outputTokens,
  };
}
