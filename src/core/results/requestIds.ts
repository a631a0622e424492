import { createHash } from 'node:crypto';

/**
 * What makes two lines the same request across attempts: the key for a keyed line (`k:<key>`), the hash of its bytes
 * for a keyless one (`h:<sha256>`), which a retry keeps because retry files copy lines byte for byte.
 */
export function signatureOf(key: string | undefined, bytes: Uint8Array): string {
  return key !== undefined ? `k:${key}` : `h:${hashOf(bytes)}`;
}

/** Whitespace around a line is not part of the request: trimmed before hashing (CRLF vs LF copies agree). */
function hashOf(bytes: Uint8Array): string {
  let start = 0;
  let end = bytes.length;
  while (start < end && isSpace(bytes[start])) {
    start++;
  }
  while (end > start && isSpace(bytes[end - 1])) {
    end--;
  }
  return createHash('sha256').update(bytes.subarray(start, end)).digest('base64url').slice(0, 22);
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

/** The key of an input or result line: Gemini `key` or OpenAI `custom_id`, stringified; undefined when absent. */
export function lineKey(obj: Record<string, unknown> | undefined): string | undefined {
  const key = obj?.key ?? obj?.custom_id;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/**
 * Which request of the original input each line of an attempt's input is (its index there), or undefined for a line
 * the original does not have. Among original requests with the same signature (a repeated key, identical keyless
 * lines) the first one not `done` (answered by an earlier attempt) and not yet taken is chosen: that is the one a
 * retry file made from those attempts holds, since it keeps the unanswered lines in input order.
 */
export function resolveToOriginal(
  original: readonly string[],
  attempt: readonly string[],
  done: ReadonlySet<number>,
): (number | undefined)[] {
  const bySignature = new Map<string, number[]>();
  for (const [index, signature] of original.entries()) {
    const list = bySignature.get(signature) ?? [];
    list.push(index);
    bySignature.set(signature, list);
  }
  const taken = new Set<number>();
  return attempt.map((signature) => {
    const candidates = bySignature.get(signature) ?? [];
    const pick = candidates.find((i) => !done.has(i) && !taken.has(i)) ?? candidates.find((i) => !taken.has(i));
    if (pick !== undefined) {
      taken.add(pick);
    }
    return pick;
  });
}
