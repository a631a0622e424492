import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The assets/tokenizers folder, found upward from `start`: the bundles run from dist/, the tests from src/… or
 * test/…, so the depth differs; the folder is always at the package root.
 */
export function tokenizerAssetDir(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'assets', 'tokenizers');
    if (existsSync(candidate)) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      break;
    }
    dir = parent;
  }
  return undefined;
}
