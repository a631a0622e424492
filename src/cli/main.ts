import { ExitCode, type CliIo } from './cliIo';
// Static: the vocabularies it needs load on first use, not with the module.
import { runEstimate } from './estimateCommand';
import { UsageError } from './flagArgs';
import { runBuild } from './buildCommand';
import { runSplit } from './splitCommand';
import { runValidate } from './validateCommand';
import { runResults } from './resultsCommand';
// esbuild keeps only the `version` field of the manifest in the bundle.
import { version } from '../../package.json';

export const HELP = `Usage: gemini-batch <command> [options]

Commands:
  validate FILE... [--kind K] [--format F]
                   Check batch JSONL files (any size, streamed): JSON syntax, the request schema, duplicate
                   keys, mixed endpoints or models, provider limits.
                   --kind K     gemini-generate | gemini-embed | openai | auto (default: detected per file)
                   --format F   text (default): file:line:col: severity: message
                                json: one JSON object per file per line of output
                   Exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable file,
                                3 an internal error of the validator (a bug: please report it).
  estimate FILE... [--model M] [--format F] [--per-line] [--output-tokens N]
                   Estimate requests, input tokens (offline tokenizer), output tokens (the request's cap, else N,
                   default 1000: assumed) and the cost at batch and standard price (streamed, any size).
                   --model M    the model the lines go to (Gemini lines do not name one); prices need it
                   --format F   text (default) | json: {"file","model","requests","input_tokens",
                                "output_tokens_assumed","cost_usd_batch","cost_usd_standard","method"}
                   --per-line   also each line's input tokens (json: "lines": [{"line","key","input_tokens"}])
  split FILE [--max-mb N] [--max-lines N] [--max-tokens N [--model M]] [--kind K]
                   Split a batch file into parts within the provider's limits for its kind (or smaller ones), never
                   cutting a line. Writes FILE's parts beside it (data.part-01.jsonl, ...) and prints their paths.
  build --template T --data D [--key COLUMN] [--out F] [--kind K] [--format csv|tsv|jsonl|json|folder]
        [--inline-max-mb N]
                   Write a batch file from a table: T holds one template line with {{column}} placeholders, D is a
                   CSV, TSV, JSONL or JSON array of objects. Keys come from COLUMN or the row numbers. Every line is
                   validated; rows that cannot be rendered are listed by row number and left out.
                   D may be a folder of files (text, images, audio, video, PDF), one row a file, with the columns
                   file, name, mime_type, size_bytes, text, part (a Gemini part: {"parts":[{"text":"..."},{{part}}]})
                   and data_url. Media up to N MB in base64 (default 20) goes inline; larger files are left out
                   here (the editor's build uploads them through the Files API).
  results RESULTS [ERRORS] [--input INPUT] [--format F] [--failed] [--retry-file OUT]
                   Read a job's results (Gemini results, OpenAI output + error files, or a joined file), joined
                   to their input lines by key when --input is given (requests with no result count as failed).
                   --format F   text (default): the requests that failed or have no answer (the first 20), then
                                a summary: succeeded, failed by code, no answer by reason, tokens, cost at batch price
                                json: the summary as JSON (counts, failure codes, finish reasons, tokens, cost)
                                jsonl | csv: one row per request (key, prompt, answer, finish reason, tokens,
                                error, outcome: succeeded, no_answer or failed, and the no-answer reason) on
                                stdout, the JSON summary on stderr
                   A response with no usable answer (blocked by a filter, out of tokens before any text) counts
                   as "noAnswer", by reason, not as succeeded.
                   --failed     only the failed rows and those without an answer (text: all of them)
                   --retry-file OUT  write the input's failed, unanswered and missing lines, unchanged, to OUT (the
                                summary's "retry.needs_fix" counts those that failed with an error a retry does not
                                fix, such as INVALID_ARGUMENT: fix them in OUT first; "retry.blocked" those a filter
                                blocked, likely blocked again unless changed)
                   Exit status: 0 every request succeeded, 1 some failed or had no answer, 2 bad usage or an
                   unreadable file.
  emulator [options]
                   Run the local Batch API emulator (gemini-batch emulator --help).

Options:
  -h, --help       show this help
  -v, --version    print the version
`;

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** One entry per command. The emulator loads lazily (it pulls in the HTTP server) and reads its own --help. */
const COMMANDS: Readonly<Record<string, Command | undefined>> = {
  validate: runValidate,
  estimate: runEstimate,
  split: runSplit,
  build: runBuild,
  results: runResults,
  emulator: async (args) => (await import('./emulatorCommand')).runEmulatorCommand([...args]),
};

/** The CLI: dispatches a command and returns the exit code. Never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(HELP);
    return command === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (command === '-v' || command === '--version' || command === 'version') {
    io.stdout(`${version}\n`);
    return ExitCode.Ok;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.stderr(`gemini-batch: unknown command "${command}"\nRun gemini-batch --help for usage.\n`);
    return ExitCode.Usage;
  }
  if (command !== 'emulator' && (rest.includes('-h') || rest.includes('--help'))) {
    io.stdout(HELP);
    return ExitCode.Ok;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gemini-batch: ${error.message}\nRun gemini-batch --help for usage.\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
}
