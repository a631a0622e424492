import { promises as fsp } from 'node:fs';
import type { Call, EmulatorContext } from '../http/context';
import { HttpError, header } from '../http/httpUtil';

/** The commands of a data step (`upload`, `upload, finalize`, `finalize`, `query`, `cancel`), refused when unknown. */
export const DATA_COMMANDS = ['upload', 'finalize', 'query', 'cancel'];

/** A byte count or offset header: decimal digits only (`""`, `"0x0"`, `"+0"`, `"-1"` are not counts). */
export function byteCount(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\d{1,16}$/.test(raw.trim())) {
    throw new HttpError(400, `Invalid ${name}: ${JSON.stringify(raw)}; expected a byte count (decimal digits).`);
  }
  return Number(raw.trim());
}

/** 413 for a file over the Files API's cap (the real service's code for this is not documented). */
export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The file is larger than the Files API's limit of ${limit} bytes.`, {
    connection: 'close',
  });
}

/**
 * Appends the request body to the part file, streaming, and counts the bytes as they come: past the declared size
 * (400) or past the Files API's cap, declared or not (413), the chunk is refused and, for the cap, the whole
 * session removed, so no half-written file stays. Returns false when an injected fault reset the connection.
 */
export async function appendBody(
  ctx: EmulatorContext,
  call: Call,
  p: { meta: string; part: string },
  declared: number | undefined,
  start: number,
): Promise<boolean> {
  const reset = ctx.faults.shouldResetUpload();
  const expected = Number(header(call.req, 'content-length') ?? 0);
  const cutAt = reset ? Math.max(1, Math.floor(expected / 2)) : Number.POSITIVE_INFINITY;
  const cap = ctx.limits.geminiFileBytes;
  const handle = await fsp.open(p.part, 'a');
  let written = 0;
  let over = false;
  let refused = false;
  try {
    for await (const chunk of call.req as AsyncIterable<Buffer>) {
      const take = Math.min(chunk.length, cutAt - written);
      if (declared !== undefined && start + written + take > declared) {
        refused = true;
        throw new HttpError(400, `Upload exceeds the declared size of ${declared} bytes.`, { connection: 'close' });
      }
      if (start + written + take > cap) {
        over = true;
        throw tooLarge(cap);
      }
      await handle.write(take === chunk.length ? chunk : chunk.subarray(0, take));
      written += take;
      if (written >= cutAt) {
        call.req.socket.destroy();
        return false;
      }
    }
  } finally {
    await handle.close();
    if (over) {
      await fsp.rm(p.meta, { force: true });
      await fsp.rm(p.part, { force: true });
    } else if (refused) {
      await fsp.truncate(p.part, start); // the refused chunk leaves nothing: a query still reports `start`
    }
  }
  return true;
}
