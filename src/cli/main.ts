import { ExitCode, type CliIo } from './cliIo';
import { UsageError } from './validateArgs';
import { runValidate } from './validateCommand';
import { runResults } from './resultsCommand';

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
  results RESULTS [ERRORS] [--input INPUT] [--format F] [--failed] [--retry-file OUT]
                   Read a job's results (Gemini results, OpenAI output + error files, or a joined file), joined
                   to their input lines by key when --input is given (requests with no result count as failed).
                   --format F   json (default): a summary (counts, failure codes, finish reasons, tokens)
                                jsonl | csv: one row per request (key, prompt, answer, finish reason, tokens,
                                error) on stdout, the summary on stderr
                   --failed     only the failed rows
                   --retry-file OUT  write the input's failed and missing lines, unchanged, to OUT
                   Exit status: 0 every request succeeded, 1 some failed, 2 bad usage or an unreadable file.
  emulator [options]
                   Run the local Batch API emulator (gemini-batch emulator --help).

Options:
  -h, --help       show this help
`;

/** The CLI: dispatches a command and returns the exit code. Never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(HELP);
    return command === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  try {
    if (command === 'validate') {
      if (rest.includes('-h') || rest.includes('--help')) { io.stdout(HELP); return ExitCode.Ok; }
      return await runValidate(rest, io);
    }
    if (command === 'results') {
      if (rest.includes('-h') || rest.includes('--help')) { io.stdout(HELP); return ExitCode.Ok; }
      return await runResults(rest, io);
    }
    if (command === 'emulator') {
      const { runEmulatorCommand } = await import('./emulatorCommand');
      return await runEmulatorCommand([...rest]);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gemini-batch: ${error.message}\nRun gemini-batch --help for usage.\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
  io.stderr(`gemini-batch: unknown command "${command}"\nRun gemini-batch --help for usage.\n`);
  return ExitCode.Usage;
}
