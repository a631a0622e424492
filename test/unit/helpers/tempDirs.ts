import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Call in a suite body: returns a maker of fresh folders under the OS temp folder (`<prefix>XXXXXX`), and registers a
 * `teardown` on that suite that removes every folder made during the test. Removal lives in the hook rather than at
 * the end of the test body so that a failing test, or a property test that made many files, leaves nothing in /tmp.
 */
export function tempDirs(prefix: string): () => Promise<string> {
  const made: string[] = [];
  teardown(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
