import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { JobRecord } from './types';

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
  const id = (what: string): string => `file-${createHash('sha256').update(`${job.id}:${what}`).digest('hex').slice(0, 24)}`;
  return { out: id('output'), err: id('errors') };
}

/** A temp results file written line by line with backpressure. */
export class ResultWriter {
  lines = 0;
  private readonly stream: WriteStream;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }
  async write(line: string): Promise<void> {
    this.lines += 1;
    if (!this.stream.write(`${line}\n`)) {
      await once(this.stream, 'drain');
    }
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
  }
}
