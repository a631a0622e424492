// The entry of dist/cli.js (the `gemini-batch` bin). `estimate` runs from this small bundle; every other command (and
// any --help) loads the full CLI, dist/cliMain.js beside it (src/cli.ts). The full CLI carries the compiled request
// validators, 5 MB of code that Node parses in ~0.2 s before its first line runs: measured, that was a third of
// `estimate` on a 23 MB file once the counting ran on two cores. From sources (tsx, tests) src/cli.ts is the CLI.
import { join } from 'node:path';
import { ExitCode, processIo } from './cliIo';
import { runEstimate } from './estimateCommand';
import { UsageError } from './flagArgs';

function runFullCli(): void {
  // A runtime path, so esbuild leaves the require to Node instead of bundling the full CLI into this file.
  const full = join(__dirname, 'cliMain.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, and not bundled (see above)
  require(full);
}

function runEstimateHere(args: readonly string[]): void {
  const io = processIo();
  // As main() runs a command: a usage error exits 2 with a hint, anything else is reported as src/cli.ts does.
  runEstimate(args, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        io.stderr(`gemini-batch: ${error.message}\nRun gemini-batch --help for usage.\n`);
        process.exitCode = ExitCode.Usage;
        return;
      }
      io.stderr(`gemini-batch: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = ExitCode.Usage;
    },
  );
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'estimate' && !rest.includes('-h') && !rest.includes('--help')) {
  runEstimateHere(rest);
} else {
  runFullCli();
}
