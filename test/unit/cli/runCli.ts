import type { CliIo } from '../../../src/cli/cliIo';
import { main } from '../../../src/cli/main';

/** A CliIo that keeps what is printed, for in-process CLI runs. */
export function capturedIo(): { io: CliIo; out: () => string; err: () => string } {
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
  return { io, out: () => out, err: () => err };
}

/** Runs the CLI in-process with captured output: what `gemini-batch ARGV…` would print and exit with. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const captured = capturedIo();
  const code = await main(argv, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}
