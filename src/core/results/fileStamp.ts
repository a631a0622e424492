import { stat } from 'node:fs/promises';

/**
 * Which version of a file is on disk: its inode (a file renamed over it, as an atomic write does, has a new one), its
 * size and its modification time in nanoseconds. Not its change time: a chmod is no new content.
 */
export interface FileStamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

/** The stamp of `path` now, or undefined when it cannot be read (missing, no permission). */
export async function readFileStamp(path: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(path, { bigint: true });
    return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs };
  } catch {
    return undefined;
  }
}

/**
 * Whether two stamps name the same version of a file (both missing counts as the same). A file watcher reports
 * events late and to every watcher whose pattern matches, including one created after the write: a view of a file
 * written just before it opened hears of that write once it is open, and must not take it for a rewrite.
 */
export function sameFileStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}
