import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../core/util/seededRandom';
import type { JobRecord } from '../contract';

/**
 * How many keyed result lines wait in the shuffle window. The services do not keep input order: Gemini results have
 * come back in another order, misassigned when matched by position (reference batch-api.md §1.4 and the pitfalls,
 * googleapis/python-genai#1909 and PR #2124), and OpenAI's own guide lists request-2 first (batch-api.md §5,
 * real-output/openai-batch-output-guide-example.jsonl). A bounded window keeps memory flat on huge jobs; a job
 * smaller than it is shuffled whole.
 */
export const SHUFFLE_WINDOW = 256;

/** The PRNG that orders a job's results: seeded by the job id, so a re-run after a crash writes the same order. */
export function resultShuffle(job: JobRecord): () => number {
  return seededRandom(createHash('sha256').update(`order:${job.id}`).digest().readUInt32BE(0));
}

/**
 * The ids a job's results are published under, fixed by the job: a run that a crash (`kill -9`) cut off after
 * publishing but before recording the job final re-runs and publishes under the same ids, and cleans what it finds
 * there first, so no orphan result file stays. Gemini names them `batch-<job>` (reference batch-api.md §1.4);
 * OpenAI ids look random (`file-…`), so they are a hash of the job id.
 */
export function resultIds(job: JobRecord): { out: string; err: string } {
  if (job.api !== 'openai') {
    return { out: `batch-${job.id}`, err: `batch-${job.id}-errors` };
  }
  const id = (what: string): string =>
    `file-${createHash('sha256').update(`${job.id}:${what}`).digest('hex').slice(0, 24)}`;
  return { out: id('output'), err: id('errors') };
}

/**
 * A temp results file written line by line with backpressure. With a `shuffle` PRNG, keyed lines pass through a
 * window of {@link SHUFFLE_WINDOW} lines and leave it in a random order; keyless lines (a bare request, no `key`)
 * are written straight away, so they keep their order among themselves: position is the only thing that can join
 * them to their requests, so the emulator must not shuffle what the client cannot match otherwise.
 */
export class ResultWriter {
  /** Lines accepted so far, the ones still in the shuffle window included. */
  lines = 0;
  private readonly stream: WriteStream;
  private readonly window: string[] = [];
  constructor(
    readonly path: string,
    private readonly shuffle?: () => number,
  ) {
    this.stream = createWriteStream(path);
  }
  async write(line: string, keyed = false): Promise<void> {
    this.lines += 1;
    if (!this.shuffle || !keyed) {
      return this.emit(line);
    }
    this.window.push(line);
    if (this.window.length > SHUFFLE_WINDOW) {
      await this.emit(this.take(this.shuffle));
    }
  }
  /** Flushes the shuffle window (in random order), then closes the file. */
  async close(): Promise<void> {
    while (this.shuffle && this.window.length > 0) {
      await this.emit(this.take(this.shuffle));
    }
    this.stream.end();
    await once(this.stream, 'close');
  }
  private take(random: () => number): string {
    const i = Math.floor(random() * this.window.length);
    const line = this.window[i];
    this.window[i] = this.window[this.window.length - 1];
    this.window.pop();
    return line;
  }
  private async emit(line: string): Promise<void> {
    if (!this.stream.write(`${line}\n`)) {
      await once(this.stream, 'drain');
    }
  }
}
