import { readLines } from '../jobs/lineReader';
import { detectBatchFile } from '../validation/batchDetection';
import { DETECTION_LINES } from '../validation/lineShape';

/**
 * Bytes of a line the vote is given: a longer line is judged by its head alone (kindVote.ts parses at most 64 KiB of
 * a line), so a results file of multi-MB lines is read no further than that.
 */
const HEAD_BYTES = 64 * 1024;

/**
 * Whether a file handed over as results holds batch *input* lines (`{"key","request"}`, `{"custom_id","body"}`), by
 * the kind vote the validation and the lenses decide by (kindVote.ts): results are told apart from input by it, so
 * `results questions.jsonl` is caught before its 30 lines are reported as 30 unrecognized results. Reads the first
 * {@link DETECTION_LINES} non-blank lines only; an empty file is no input file.
 */
export async function holdsInputLines(path: string, signal?: AbortSignal): Promise<boolean> {
  const head: string[] = [];
  for await (const line of readLines(path, signal, HEAD_BYTES)) {
    const text = line.bytes.toString('utf8');
    if (text.trim() === '') {
      continue;
    }
    head.push(text);
    if (head.length >= DETECTION_LINES) {
      break;
    }
  }
  const verdict = detectBatchFile(head);
  return verdict.outcome === 'batch' && verdict.lines > 0;
}
