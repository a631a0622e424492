/** Where the CLI writes. Tests pass buffers; the entry point passes the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 no errors, 1 errors found, 2 bad usage or an unreadable file, 3 an internal error (a bug). */
export const ExitCode = { Ok: 0, Problems: 1, Usage: 2, Internal: 3 } as const;

/**
 * The process's own streams. Both entry points (src/cli.ts, and src/cli/entry.ts where `estimate` runs) write through
 * this, so a reader that closes early is handled here once for every command (see {@link untilClosed}).
 */
export function processIo(): CliIo {
  return { stdout: untilClosed(process.stdout), stderr: untilClosed(process.stderr) };
}

/**
 * Writes to `stream` until its reader goes away. A closed pipe (EPIPE: `gemini-batch results … | head`) is the reader
 * saying it has seen enough, not a failure: later writes are dropped and the command runs to its end, so the files it
 * writes (split parts, --retry-file, a build's output) are still complete and the exit status is the usual one.
 * Without a listener Node throws the stream's 'error' event as an uncaught exception, a stack trace. Pipes are written
 * synchronously on Linux and a failed write destroys the stream at once (`destroyed`); the 'error' event comes a tick
 * later. Any other write error is thrown as before.
 */
export function untilClosed(stream: NodeJS.WritableStream & { destroyed?: boolean }): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
    closed = true;
  });
  return (text) => {
    if (!closed && stream.destroyed !== true) {
      stream.write(text);
    }
  };
}
