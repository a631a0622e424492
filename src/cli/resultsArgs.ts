import { UsageError } from './validateArgs';

export type ResultsFormat = 'json' | 'jsonl' | 'csv';

export interface ResultsArgs {
  /** The results file, and OpenAI's error file when given too. */
  results: string[];
  input?: string;
  format: ResultsFormat;
  failed: boolean;
  retryFile?: string;
}

/** Parses `results` arguments: RESULTS... [--input F] [--format json|jsonl|csv] [--failed] [--retry-file OUT]. */
export function parseResultsArgs(args: readonly string[]): ResultsArgs {
  const out: ResultsArgs = { results: [], format: 'json', failed: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') { throw new UsageError(`${flag} needs a value`); }
      return v;
    };
    if (flag === '--input') {
      out.input = value();
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'json' && format !== 'jsonl' && format !== 'csv') { throw new UsageError(`--format must be json, jsonl or csv, not "${format}"`); }
      out.format = format;
    } else if (flag === '--failed') {
      if (inline !== undefined) { throw new UsageError('--failed takes no value'); }
      out.failed = true;
    } else if (flag === '--retry-file') {
      out.retryFile = value();
    } else if (flag === '--') {
      out.results.push(...args.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      out.results.push(arg);
    }
  }
  if (out.results.length === 0) { throw new UsageError('results needs a RESULTS file'); }
  if (out.results.length > 2) { throw new UsageError('results takes a results file and at most one error file'); }
  if (out.retryFile && !out.input) { throw new UsageError('--retry-file needs --input (the lines to retry come from the input file)'); }
  return out;
}
