import type { CliIo } from '../../../src/cli/cliIo';
import { main } from '../../../src/cli/main';

/** Runs the CLI in-process with captured output: what `gemini-batch ARGV…` would print and exit with. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
  };
  const code = await main(argv, io);
  return { code, out, err };
}
