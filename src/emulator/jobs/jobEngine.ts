import { promises as fsp } from 'node:fs';
import { JobRun, runWindow, type StopReason } from './jobRunner';
import type { Store } from '../store';
import type { EmulatorClock, JobRecord } from '../contract';
import type { PromptCount } from '../model/promptCount';

/** setTimeout's limit; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Progress {
  processed: number;
  succeeded: number;
  failed: number;
}

/**
 * Owns every job's lifecycle: a one-shot timer starts the runner when the pending phase ends, another expires
 * the job; state views read the runner's live counts. No interval timers; `close()` stops everything.
 */
export class JobEngine {
  private readonly runs = new Map<string, JobRun>();
  /** The cancellers of each job's armed waits. */
  private readonly timers = new Map<string, (() => void)[]>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly clock: EmulatorClock,
    /** Results in input order instead of the services' arbitrary order (EmulatorOptions.ordered). */
    private readonly ordered = false,
    /** Told once each job becomes final (the webhook events). */
    private readonly onFinal: (job: JobRecord) => void = () => undefined,
    /** Counts each line's prompt as the estimate does (EmulatorOptions.promptTokens); none: the rough rule. */
    private readonly count?: PromptCount,
  ) {}

  /** Resumes every unfinished job found on disk (a restart re-runs it from its input). */
  resumeAll(): void {
    for (const job of this.store.jobs.values()) {
      this.schedule(job);
    }
  }

  /** Saves a new job (its input is linked into the job dir first, so deleting the file later is harmless). */
  async create(job: JobRecord, inputPath?: string): Promise<void> {
    if (inputPath !== undefined) {
      const target = this.store.jobInputPath(job.id);
      await fsp.link(inputPath, target).catch(() => fsp.copyFile(inputPath, target));
    }
    await this.store.putJob(job);
    this.schedule(job);
  }

  progress(job: JobRecord): Progress {
    if (job.final) {
      return {
        processed: job.final.succeeded + job.final.failed,
        succeeded: job.final.succeeded,
        failed: job.final.failed,
      };
    }
    const run = this.runs.get(job.id);
    return run
      ? { processed: run.processed, succeeded: run.succeeded, failed: run.failed }
      : { processed: 0, succeeded: 0, failed: 0 };
  }

  /** Whether the job is being run right now (past its pending phase). */
  isRunning(job: JobRecord): boolean {
    return !job.final && this.runs.has(job.id);
  }

  /** Best-effort cancel that keeps the results made so far; resolves once the job is final. */
  async cancel(job: JobRecord): Promise<void> {
    if (job.final) {
      return;
    }
    job.cancelMs = this.clock.now();
    await this.stop(job, 'cancel');
  }

  /** Forgets a job (its results files stay, as on the real service). */
  async remove(job: JobRecord): Promise<void> {
    this.clearTimers(job.id);
    const run = this.runs.get(job.id);
    if (run) {
      run.requestStop('close');
      await run.done;
    }
    await this.store.deleteJob(job.id);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.timers.keys()]) {
      this.clearTimers(id);
    }
    const runs = [...this.runs.values()];
    runs.forEach((r) => r.requestStop('close'));
    await Promise.all(runs.map((r) => r.done));
  }

  private schedule(job: JobRecord): void {
    if (job.final || this.closed) {
      return;
    }
    const now = this.clock.now();
    const expireAt = job.createMs + job.expiryMs;
    if (now >= expireAt) {
      void this.stop(job, 'expire');
      return;
    }
    const { start } = runWindow(job);
    this.arm(job.id, start, () => this.startRun(job));
    this.arm(job.id, expireAt, () => void this.stop(job, 'expire'));
  }

  private arm(id: string, at: number, fire: () => void): void {
    const wait = at - this.clock.now();
    const cancel = this.clock.after(Math.max(0, Math.min(wait, MAX_TIMER_MS)), () =>
      wait > MAX_TIMER_MS ? this.arm(id, at, fire) : fire(),
    );
    this.timers.set(id, [...(this.timers.get(id) ?? []), cancel]);
  }

  private clearTimers(id: string): void {
    (this.timers.get(id) ?? []).forEach((cancel) => cancel());
    this.timers.delete(id);
  }

  private startRun(job: JobRecord, initialStop?: StopReason): JobRun | undefined {
    const existing = this.runs.get(job.id);
    if (existing || this.closed) {
      return existing;
    }
    const run = new JobRun(this.store, this.clock, job, initialStop, this.ordered, this.count);
    this.runs.set(job.id, run);
    void run.done.then(() => {
      this.runs.delete(job.id);
      if (job.final) {
        this.clearTimers(job.id);
        this.onFinal(job);
      }
    });
    return run;
  }

  /** Stops a job for `reason`; a job still pending gets a run that only finalizes it. */
  private async stop(job: JobRecord, reason: 'cancel' | 'expire'): Promise<void> {
    if (job.final) {
      return;
    }
    const run = this.runs.get(job.id) ?? this.startRun(job, reason);
    run?.requestStop(reason);
    await run?.done;
  }
}
