import { estimateFile, type FileEstimate } from '../core/estimate/fileEstimate';
import type { LineEstimate, TokenProvider } from '../core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../core/tokens/assetDir';
import type { TextCounter } from '../core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../core/tokens/tokenizerData';
import { ExitCode, type CliIo } from './cliIo';
import { parseEstimateArgs, type EstimateArgs } from './estimateArgs';

const usd = (n: number | undefined): string =>
  n === undefined ? 'price unknown' : `$${n < 0.01 && n > 0 ? n.toPrecision(2) : n.toFixed(2)}`;

function report(io: CliIo, args: EstimateArgs, file: string, result: FileEstimate, lines: LineEstimate[]): void {
  const method = result.tokenizers.length ? `offline:${result.tokenizers.join('+')}` : 'offline';
  if (args.format === 'json') {
    const record: Record<string, unknown> = {
      file,
      model: result.model ?? null,
      requests: result.requests,
      input_tokens: result.inputTokens,
      output_tokens_assumed: result.outputTokensAssumed,
      cost_usd_batch: result.costBatch ?? null,
      cost_usd_standard: result.costStandard ?? null,
      method,
    };
    if (args.perLine) {
      record.lines = lines.map((l) => ({ line: l.line, key: l.key ?? null, input_tokens: l.inputTokens }));
    }
    io.stdout(`${JSON.stringify(record)}\n`);
  } else {
    for (const l of lines) {
      io.stdout(`${file}:${l.line}: ${l.key ?? '-'}: ${l.inputTokens} input tokens\n`);
    }
    io.stdout(
      `${file}: ${result.requests} requests, ${result.inputTokens} input tokens, ${result.outputTokensAssumed} output tokens (assumed), ` +
        `${usd(result.costBatch)} at batch price (${usd(result.costStandard)} standard), model ${result.model ?? 'not given (use --model)'}, ${method}\n`,
    );
  }
  if (result.unknownMedia > 0) {
    io.stderr(`${file}: ${result.unknownMedia} media part(s) of unknown size are not counted\n`);
  }
  if (result.unpricedModels.length) {
    io.stderr(`${file}: price unknown for ${result.unpricedModels.join(', ')}\n`);
  }
}

/**
 * `gemini-batch estimate FILE... [--model M] [--format text|json] [--per-line] [--output-tokens N]`: streams each
 * file and prints its requests, input tokens, assumed output tokens and cost at batch and standard price.
 * Exit 0, or 2 on bad usage or an unreadable file.
 */
export async function runEstimate(argv: readonly string[], io: CliIo, assetStart = __dirname): Promise<number> {
  const args = parseEstimateArgs(argv);
  const dir = tokenizerAssetDir(assetStart);
  if (!dir) {
    io.stderr('gemini-batch: the tokenizer data (assets/tokenizers) is missing from this installation\n');
    return ExitCode.Internal;
  }
  const loaded = new Map<TokenProvider, Promise<TextCounter>>();
  const counterFor = (provider: TokenProvider): Promise<TextCounter> => {
    let counter = loaded.get(provider);
    if (!counter) {
      counter = provider === 'gemini' ? loadGeminiCounter(dir) : loadOpenAiCounter(dir);
      loaded.set(provider, counter);
    }
    return counter;
  };
  let exit: number = ExitCode.Ok;
  for (const file of args.files) {
    const lines: LineEstimate[] = [];
    try {
      const result = await estimateFile(file, {
        counterFor,
        model: args.model,
        assumedOutputTokens: args.outputTokens,
        onLine: args.perLine
          ? (l) => {
              lines.push(l);
            }
          : undefined,
      });
      report(io, args, file, result, lines);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string' || !code.startsWith('E')) {
        throw error;
      }
      io.stderr(`gemini-batch: cannot read ${file}: ${code}\n`);
      exit = ExitCode.Usage;
    }
  }
  return exit;
}
