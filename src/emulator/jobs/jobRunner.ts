import { promises as fsp } from 'node:fs';
import { ResultWriter, resultIds, resultShuffle } from './resultFiles';
import { readRequestLines } from './jobInput';
import { runLine } from './lineExec';
import { expiredLine } from './openaiLine';
import { lineTokens } from './lineCount';
import type { PromptCount } from '../model/promptCount';
import { sha256File } from '../http/fileViews';
import { TimeSlice } from './timeSlice';
import type { Store } from '../store';
import type { EmulatorClock, FinalState, JobRecord, StoredFile } from '../contract';

export type StopReason = 'cancel' | 'expire' | 'close';

/** Share of `jobSeconds` a job spends pending before it starts running. */
export const PENDING_SHARE = 0.2;
/** How long an OpenAI batch shows `cancelling` before `cancelled`. */
const CANCELLING_MS = 300;
const RESULT_LIFETIME_MS = 48 * 3600 * 1000;
/** The final state of a run stopped before its end (a run never stopped succeeds; one stopped by close is not final). */
const STOPPED_STATE: Readonly<Record<Exclude<StopReason, 'close'>, FinalState>> = {
  cancel: 'CANCELLED',
  expire: 'EXPIRED',
};

export function runWindow(job: JobRecord): { start: number; ms: number } {
  const pending = job.jobMs * PENDING_SHARE;
  // A rehearsed long pending phase comes on top (rehearsal.ts).
  return { start: job.createMs + pending + (job.rehearsal?.pendingMs ?? 0), ms: job.jobMs - pending };
}

/**
 * Runs one job: streams its input, paces lines over the running window (so progress advances with time),
 * writes results to temp files, then publishes them as stored files and records the final state.
 */
export class JobRun {
  processed = 0;
  succeeded = 0;
  failed = 0;
  private usage = { input: 0, output: 0 };
  private stopReason?: StopReason;
  private wake?: () => void;
  readonly done: Promise<void>;
  /** The temp results files (`-out`, `-err`): named up front so a failed run can remove them. */
  private readonly tmpPaths: readonly [string, string];

  constructor(
    private readonly store: Store,
    private readonly clock: EmulatorClock,
    readonly job: JobRecord,
    initialStop?: StopReason,
    /** Keep input order in the results (the `--ordered` flag); by default keyed results come out shuffled. */
    private readonly ordered = false,
    /** Counts each line's prompt as the estimate does (lineCount.ts); none: the local model's rough rule. */
    private readonly count?: PromptCount,
  ) {
    this.stopReason = initialStop;
    this.tmpPaths = [store.tmpPath(`${job.id}-out`), store.tmpPath(`${job.id}-err`)];
    this.done = this.main().catch((e: unknown) => this.fail(e));
  }

  requestStop(reason: StopReason): void {
    this.stopReason ??= reason;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.clock.after(ms, resolve);
      this.wake = () => {
        cancel();
        resolve();
      };
    });
  }

  /** Waits until the running window allows line `index` (or a stop arrives). */
  private async pace(index: number): Promise<void> {
    const { start, ms } = runWindow(this.job);
    while (this.stopReason === undefined) {
      const t = this.clock.now();
      const allowed = ms <= 0 ? this.job.total : Math.floor((this.job.total * (t - start)) / ms);
      if (index < allowed) {
        return;
      }
      const nextAt = start + ((index + 1) * ms) / this.job.total;
      await this.sleep(Math.min(100, Math.max(2, nextAt - t)));
    }
  }

  /** A rehearsed job failure or expiry (rehearsal.ts) strikes once half the lines ran. */
  private rehearseHalfway(): void {
    const r = this.job.rehearsal;
    if (!r || this.processed < Math.ceil(this.job.total / 2)) {
      return;
    }
    if (r.fail) {
      throw new Error('Rehearsed failure: the batch failed halfway (emulator fault option failJobs).');
    }
    if (r.expire) {
      this.requestStop('expire');
    }
  }

  private async main(): Promise<void> {
    // Results an earlier, interrupted run of this job published (it is not final, so nothing refers to them).
    const ids = resultIds(this.job);
    await Promise.all(
      [ids.out, ids.err].filter((id) => this.store.files.has(id)).map((id) => this.store.deleteFile(id)),
    );
    const input = this.store.jobInputPath(this.job.id);
    const shuffle = this.ordered ? undefined : resultShuffle(this.job);
    const out = new ResultWriter(this.tmpPaths[0], shuffle);
    const err = new ResultWriter(this.tmpPaths[1], shuffle);
    let index = 0;
    const slice = new TimeSlice();
    try {
      for await (const { text } of readRequestLines(input)) {
        await slice.tick();
        if (this.stopReason === undefined) {
          await this.pace(index);
        }
        // Counted before the stop checks, so a stop that arrives during the count is honoured. Without a counter
        // nothing is awaited: the run goes exactly as it always did.
        const promptTokens =
          this.count && this.stopReason === undefined ? await lineTokens(this.job, text, this.count) : undefined;
        if (this.stopReason === 'expire' && this.job.kind === 'openai') {
          const expired = expiredLine(this.job, text, index);
          await err.write(expired.line, expired.keyed);
        } else if (this.stopReason !== undefined) {
          break;
        } else {
          const outcome = runLine(this.job, text, index, this.clock.now(), promptTokens);
          await (outcome.toErrorFile ? err : out).write(outcome.line, outcome.keyed);
          this.processed += 1;
          this.succeeded += outcome.ok ? 1 : 0;
          this.failed += outcome.ok ? 0 : 1;
          this.usage.input += outcome.usage?.input ?? 0;
          this.usage.output += outcome.usage?.output ?? 0;
          this.rehearseHalfway();
        }
        index += 1;
      }
      const { start, ms } = runWindow(this.job);
      while (this.stopReason === undefined && this.clock.now() < start + ms) {
        await this.sleep(Math.min(100, start + ms - this.clock.now()));
      }
    } finally {
      await out.close();
      await err.close();
    }
    await this.finish(out, err);
  }

  private async finish(out: ResultWriter, err: ResultWriter): Promise<void> {
    const reason = this.stopReason;
    const discard = async (w: ResultWriter): Promise<void> => fsp.rm(w.path, { force: true });
    if (reason === 'close') {
      await Promise.all([discard(out), discard(err)]);
      return; // not final: a restart runs the job again from its input
    }
    const state: FinalState = reason === undefined ? 'SUCCEEDED' : STOPPED_STATE[reason];
    const gemini = this.job.kind !== 'openai';
    // Gemini: expired jobs have no results; a job cancelled before it ran has none either.
    const keepOut = gemini ? state === 'SUCCEEDED' || (state === 'CANCELLED' && this.processed > 0) : out.lines > 0;
    const keepErr = !gemini && err.lines > 0;
    const now = this.clock.now();
    const final: NonNullable<JobRecord['final']> = {
      state,
      endMs: state === 'CANCELLED' && !gemini ? now + CANCELLING_MS : now,
      succeeded: this.succeeded,
      failed: this.failed,
      usage: { ...this.usage },
    };
    const ids = resultIds(this.job);
    final.outputFile = keepOut ? await this.publish(out.path, ids.out) : undefined;
    final.errorFile = keepErr ? await this.publish(err.path, ids.err) : undefined;
    await Promise.all([keepOut ? undefined : discard(out), keepErr ? undefined : discard(err)]);
    this.job.final = final;
    await this.store.putJob(this.job);
  }

  /** An unexpected failure (e.g. the disk is full): the job fails instead of hanging or crashing the server. */
  private async fail(e: unknown): Promise<void> {
    // The run's temp results are never published now: nothing refers to them.
    await Promise.all(this.tmpPaths.map((p) => fsp.rm(p, { force: true }).catch(() => undefined)));
    this.job.final = {
      state: 'FAILED',
      endMs: this.clock.now(),
      succeeded: this.succeeded,
      failed: this.failed,
      error: String((e as Error)?.message ?? e),
    };
    await this.store.putJob(this.job).catch(() => undefined);
  }

  /** Moves a finished temp file into the file store (data first, then its record); returns its bare id. */
  private async publish(tmp: string, id: string): Promise<string> {
    const size = (await fsp.stat(tmp)).size;
    const sha256 = await sha256File(tmp);
    await fsp.rename(tmp, this.store.dataPath(id));
    const now = this.clock.now();
    const file: StoredFile = {
      id,
      displayName: this.job.api === 'openai' ? undefined : `batch-${this.job.id}`,
      filename: `${id}.jsonl`,
      mimeType: 'application/jsonl',
      sizeBytes: size,
      createMs: now,
      expireMs: now + RESULT_LIFETIME_MS,
      sha256,
      source: 'GENERATED',
      purpose: 'batch_output',
      seq: this.store.nextSeq(),
    };
    await this.store.putFile(file);
    return id;
  }
}
