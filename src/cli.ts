// The full `gemini-batch` CLI (bundled to dist/cliMain.js, which dist/cli.js loads for every command but estimate:
// src/cli/entry.ts): plain Node, no editor API.
import { processIo } from './cli/cliIo';
import { main } from './cli/main';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gemini-batch: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
