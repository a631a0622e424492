import { BATCH_KINDS, type BatchKind } from '../core/batchKind';
import { oneOf, parseFlagArgs, UsageError } from './flagArgs';

export { UsageError } from './flagArgs';

export type OutputFormat = 'text' | 'json';

export interface ValidateArgs {
  files: string[];
  kind: BatchKind | 'auto';
  format: OutputFormat;
}

/** Parses `validate` arguments: FILE... [--kind K] [--format text|json] (also `--kind=K`, `--format=F`). */
export function parseValidateArgs(args: readonly string[]): ValidateArgs {
  const parsed = parseFlagArgs(args, ['--kind', '--format']);
  if (parsed.operands.length === 0) {
    throw new UsageError('validate needs at least one FILE');
  }
  return {
    files: parsed.operands,
    kind: oneOf(parsed, '--kind', [...BATCH_KINDS, 'auto'], 'auto'),
    format: oneOf(parsed, '--format', ['text', 'json'], 'text'),
  };
}
