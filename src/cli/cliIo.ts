/** Where the CLI writes. Tests pass buffers; the entry point passes the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 no errors, 1 errors found, 2 bad usage or an unreadable file, 3 an internal error (a bug). */
export const ExitCode = { Ok: 0, Problems: 1, Usage: 2, Internal: 3 } as const;

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
  };
}
