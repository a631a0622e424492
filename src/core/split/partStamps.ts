import { constants, promises as fsp } from 'node:fs';

/** A part as the split wrote it: what a later group submit compares the file on disk with. */
export interface PartStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Why a part can no longer be submitted as the split's part: gone, unreadable, or rewritten since. */
export type StalePartCode = 'gone' | 'unreadable' | 'changed';

export interface StalePart {
  path: string;
  code: StalePartCode;
  /** The errno of a part that could not be reached (ENOENT, EACCES…). */
  errno?: string;
}

/** Each part's size and modification time, right after the split wrote it. */
export async function stampParts(paths: readonly string[]): Promise<PartStamp[]> {
  return Promise.all(
    paths.map(async (p) => {
      const stat = await fsp.stat(p);
      return { path: p, size: stat.size, mtimeMs: stat.mtimeMs };
    }),
  );
}

/**
 * The parts of a group that are not what the split wrote, in order (empty: all can be sent). A part without a stamp
 * (`size`/`mtimeMs` absent: the caller only has paths) is checked for being there and readable only. Checked before
 * anything is uploaded: a later split of the same file rewrites part-01… and removes the parts it no longer needs
 * (earlierParts.ts), so a group offered by an earlier split's notification would otherwise send a mix, or fail half way.
 */
export async function staleParts(parts: readonly (Partial<PartStamp> & { path: string })[]): Promise<StalePart[]> {
  const checked = await Promise.all(parts.map(checkPart));
  return checked.filter((s): s is StalePart => s !== undefined);
}

async function checkPart(part: Partial<PartStamp> & { path: string }): Promise<StalePart | undefined> {
  try {
    const stat = await fsp.stat(part.path);
    await fsp.access(part.path, constants.R_OK);
    if (!stat.isFile()) {
      return { path: part.path, code: 'unreadable', errno: 'EISDIR' };
    }
    const rewritten =
      (part.size !== undefined && stat.size !== part.size) ||
      (part.mtimeMs !== undefined && stat.mtimeMs !== part.mtimeMs);
    return rewritten ? { path: part.path, code: 'changed' } : undefined;
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { path: part.path, code: errno === 'ENOENT' ? 'gone' : 'unreadable', errno };
  }
}
