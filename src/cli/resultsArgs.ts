import { oneOf, parseFlagArgs, UsageError } from './flagArgs';

export type ResultsFormat = 'text' | 'json' | 'jsonl' | 'csv';

export interface ResultsArgs {
  /** The results file, and OpenAI's error file when given too. */
  results: string[];
  input?: string;
  format: ResultsFormat;
  failed: boolean;
  retryFile?: string;
}

/** Parses `results` arguments: RESULTS... [--input F] [--format text|json|jsonl|csv] [--failed] [--retry-file OUT]. */
export function parseResultsArgs(args: readonly string[]): ResultsArgs {
  const parsed = parseFlagArgs(args, ['--input', '--format', '--retry-file'], ['--failed']);
  const out: ResultsArgs = {
    results: parsed.operands,
    input: parsed.flags.get('--input'),
    format: oneOf(parsed, '--format', ['text', 'json', 'jsonl', 'csv'], 'text'),
    failed: parsed.flags.has('--failed'),
    retryFile: parsed.flags.get('--retry-file'),
  };
  if (out.results.length === 0) {
    throw new UsageError('results needs a RESULTS file');
  }
  if (out.results.length > 2) {
    throw new UsageError('results takes a results file and at most one error file');
  }
  if (out.retryFile && !out.input) {
    throw new UsageError('--retry-file needs --input (the lines to retry come from the input file)');
  }
  return out;
}
