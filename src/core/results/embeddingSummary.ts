/** What a person can read of an embedding: its size, its norm and its first values, not 3,072 numbers. */
export interface EmbeddingSummary {
  dimensions: number;
  /** Euclidean norm; 1 for the unit vectors most models return. NaN when a value is not a finite number. */
  norm: number;
  head: number[];
}

export const EMBEDDING_HEAD = 5;

export function embeddingSummary(values: unknown[]): EmbeddingSummary {
  let sum = 0;
  for (const v of values) {
    sum += typeof v === 'number' && Number.isFinite(v) ? v * v : NaN;
  }
  const head = values.slice(0, EMBEDDING_HEAD).map((v) => (typeof v === 'number' ? v : NaN));
  return { dimensions: values.length, norm: Math.sqrt(sum), head };
}
