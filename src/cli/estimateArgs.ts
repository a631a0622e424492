import { type OutputFormat, UsageError } from './validateArgs';

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
  const out: EstimateArgs = { files: [], format: 'text', perLine: false, outputTokens: CLI_ASSUMED_OUTPUT_TOKENS };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') { throw new UsageError(`${flag} needs a value`); }
      return v;
    };
    if (flag === '--model') {
      out.model = value().replace(/^models\//, '');
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') { throw new UsageError(`--format must be text or json, not "${format}"`); }
      out.format = format;
    } else if (flag === '--per-line') {
      out.perLine = true;
    } else if (flag === '--output-tokens') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) { throw new UsageError('--output-tokens must be a whole number ≥ 0'); }
      out.outputTokens = n;
    } else if (flag === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      out.files.push(arg);
    }
  }
  if (out.files.length === 0) { throw new UsageError('estimate needs at least one FILE'); }
  return out;
}
