import type { WriteStream } from 'node:fs';

/**
 * Destroys a file write stream and waits until its file is closed. A stream opens its file asynchronously: a temp
 * file removed right after `destroy()` can be created again by an open still under way, and a half-written `.part`
 * file would be left behind (seen in CI on a failing export). Remove the file only after this resolves.
 */
export async function destroyAndClose(stream: WriteStream): Promise<void> {
  if (stream.closed) {
    return;
  }
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  stream.destroy();
  await closed;
}
