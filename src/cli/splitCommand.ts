import * as path from 'node:path';
import { BATCH_KINDS, type BatchKind } from '../core/batchKind';
import { lineTokenCounter } from '../core/estimate/lineTokenCounter';
import { detectFileKind, SplitError, splitFile, splitLimitsFor, type SplitOptions } from '../core/split';
import { tokenizerAssetDir } from '../core/tokens/assetDir';
import { loadGeminiCounter, loadOpenAiCounter } from '../core/tokens/tokenizerData';
import { formatBytes } from '../core/validation';
import { ExitCode, type CliIo } from './cliIo';
import { count, num } from './textFormat';
import { oneOf, parseFlagArgs, positiveNumber, UsageError } from './flagArgs';

const MB = 1024 ** 2;

function splitFailure(error: SplitError): string {
  switch (error.code) {
    case 'line-too-large':
      return `line ${error.detail.line} alone is ${formatBytes(error.detail.bytes ?? 0)}, more than a part may hold (${formatBytes(error.detail.limit ?? 0)}); nothing written`;
    case 'line-over-tokens':
      return `line ${error.detail.line} alone has about ${count(error.detail.tokens ?? 0, 'input token')}, more than a part may hold (${num(error.detail.limit ?? 0)}); nothing written`;
    case 'read-failed':
      return `cannot read the file (${error.detail.errno}); nothing written`;
    case 'write-failed':
      return `cannot write the parts (${error.detail.errno}); nothing written`;
    case 'cancelled':
      return 'cancelled; nothing written';
  }
}

/**
 * `gemini-batch split FILE [--max-mb N] [--max-lines N] [--max-tokens N [--model M]] [--kind K]`: writes the parts
 * beside FILE, within the provider's limits for the file's kind (or the smaller limits asked), and prints their paths
 * one per line. `--max-tokens` caps each part's input tokens as the offline estimate counts them (the enqueued-token
 * limit is on input tokens). Exit 0 when split or already within the limits, 1 when a line is too large to place,
 * 2 on bad usage or an unreadable file.
 */
export async function runSplit(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseFlagArgs(args, ['--max-mb', '--max-lines', '--max-tokens', '--model', '--kind']);
  if (parsed.operands.length !== 1) {
    throw new UsageError('split needs exactly one FILE');
  }
  const [file] = parsed.operands;
  const maxMb = positiveNumber(parsed, '--max-mb', false);
  const maxLines = positiveNumber(parsed, '--max-lines', true);
  const maxTokens = positiveNumber(parsed, '--max-tokens', true);
  const model = parsed.flags.get('--model');
  const kindFlag = oneOf(parsed, '--kind', [...BATCH_KINDS, 'auto'], 'auto');
  let kind: BatchKind;
  try {
    kind = kindFlag === 'auto' ? await detectFileKind(file) : kindFlag;
  } catch (error) {
    io.stderr(`gemini-batch: cannot read ${file}: ${(error as { code?: string }).code ?? 'error'}\n`);
    return ExitCode.Usage;
  }
  const limits: SplitOptions = {
    ...splitLimitsFor(kind, { maxBytes: maxMb === undefined ? undefined : Math.floor(maxMb * MB), maxLines }),
    maxTokens,
  };
  if (maxTokens !== undefined) {
    const dir = tokenizerAssetDir(__dirname);
    if (!dir) {
      io.stderr('gemini-batch: the tokenizer data (assets/tokenizers) is missing from this installation\n');
      return ExitCode.Internal;
    }
    limits.lineTokens = lineTokenCounter(
      (p) => (p === 'gemini' ? loadGeminiCounter(dir) : loadOpenAiCounter(dir)),
      model,
    );
  }
  try {
    const result = await splitFile(file, limits);
    if (result.fits) {
      io.stderr(
        `${file}: within the limits (${formatBytes(limits.maxBytes)}${limits.maxLines ? `, ${count(limits.maxLines, 'request')}` : ''} per file); no parts written\n`,
      );
      return ExitCode.Ok;
    }
    for (const part of result.parts) {
      io.stdout(`${part}\n`);
    }
    if (result.removed.length > 0) {
      const names = result.removed.map((p) => path.basename(p)).join(', ');
      io.stderr(`${file}: removed ${count(result.removed.length, 'part')} of an earlier split (${names})\n`);
    }
    const tokens = result.tokens.length ? `, at most ${count(Math.max(...result.tokens), 'input token')} a part` : '';
    const requests = count(
      result.requests.reduce((a, b) => a + b, 0),
      'request',
    );
    io.stderr(`${file}: ${count(result.parts.length, 'part')} (${kind}), ${requests}${tokens}\n`);
    return ExitCode.Ok;
  } catch (error) {
    if (!(error instanceof SplitError)) {
      throw error;
    }
    io.stderr(`gemini-batch: ${file}: ${splitFailure(error)}\n`);
    const unplaceable = error.code === 'line-too-large' || error.code === 'line-over-tokens';
    return unplaceable ? ExitCode.Problems : ExitCode.Usage;
  }
}
