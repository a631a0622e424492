import { isBatchKind, type BatchKind } from '../core/batchKind';

export type OutputFormat = 'text' | 'json';

export interface ValidateArgs {
  files: string[];
  kind: BatchKind | 'auto';
  format: OutputFormat;
}

/** A command line the CLI cannot run; the message says why. */
export class UsageError extends Error {
  readonly kind = 'usage';
}

/** Parses `validate` arguments: FILE... [--kind K] [--format text|json] (also `--kind=K`, `--format=F`). */
export function parseValidateArgs(args: readonly string[]): ValidateArgs {
  const out: ValidateArgs = { files: [], kind: 'auto', format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') { throw new UsageError(`${flag} needs a value`); }
      return v;
    };
    if (flag === '--kind') {
      const kind = value();
      if (kind !== 'auto' && !isBatchKind(kind)) { throw new UsageError(`--kind must be gemini-generate, gemini-embed, openai or auto, not "${kind}"`); }
      out.kind = kind;
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') { throw new UsageError(`--format must be text or json, not "${format}"`); }
      out.format = format;
    } else if (flag === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      out.files.push(arg);
    }
  }
  if (out.files.length === 0) { throw new UsageError('validate needs at least one FILE'); }
  return out;
}
