import { createHash } from 'node:crypto';

/** A 32-bit seed from a string (first bytes of its SHA-256). */
export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

/**
 * A deterministic unit vector for a text: equal texts give equal vectors, different texts different ones.
 * Values are rounded to 8 significant digits to keep output lines short.
 */
export function embedText(text: string, dimensions: number): number[] {
  let state = seedOf(text) || 1;
  const values = new Array<number>(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // xorshift32: cheap and good enough for a fake embedding
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const v = ((state >>> 0) / 4294967296) * 2 - 1;
    values[i] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let i = 0; i < dimensions; i++) {
    values[i] = Number((values[i] * scale).toPrecision(8));
  }
  return values;
}

/** The emulator's token estimate: about four characters per token, at least one. */
export function tokensOf(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
