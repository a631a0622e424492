/**
 * A small deterministic pseudo-random generator (mulberry32).
 *
 * Used wherever a run must replay exactly from a seed: emulator fault injection, generated benchmark data and
 * randomized tests. Not for anything security-related.
 *
 * @param seed any number; only its low 32 bits matter (`seed >>> 0`).
 * @returns a function giving the next number in [0, 1) on each call. Each call of `seededRandom` starts its own
 *   independent sequence, so two generators made from the same seed yield the same numbers.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
