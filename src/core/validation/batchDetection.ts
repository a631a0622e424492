import { detectFile, type FileVerdict } from './kindVote';

/** `batchShape` lives with the other shapes; re-exported here for the line check, which has always found it here. */
export { batchShape } from './lineShape';
export { parseObject } from './kindVote';

/** What the first lines of a file say about it (see {@link KindVote}). */
export type FileDetection = FileVerdict;

/**
 * Detects what a file is and of which kind from its first non-blank lines: a batch file (`outcome` 'batch'; an
 * empty file is an empty batch file), the results of a job ('results'), or other JSON Lines data ('not-batch').
 */
export function detectBatchFile(lines: Iterable<string>): FileDetection {
  return detectFile(lines);
}

/**
 * Whether a file holds batch lines to validate and submit: not empty, and judged a batch file by its first lines. A
 * file of log records or other JSON Lines data is not, nor are the results of a job. Reads the first lines only.
 */
export function holdsBatchLines(lines: Iterable<string>): boolean {
  const verdict = detectFile(lines);
  return verdict.outcome === 'batch' && verdict.lines > 0;
}
