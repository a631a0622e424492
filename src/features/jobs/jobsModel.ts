import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { setJobsState, type JobsState } from '../../adapters/contextKeys';
import { describeError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { Poller, type TickResult } from '../../core/jobs/poller';
import { BatchApiError, isTerminal, type BatchJob, type BatchProvider } from '../../core/providers/types';
import type { JobRecordStore } from './jobRecordStore';
import { fetchJobs, refreshUnfinished, storeJobs } from '../../core/jobs/jobsFetch';
import type { ProviderSession } from './providerSession';
import { TakeTurns } from '../../core/util/takeTurns';

/** What changed in one update: `structure` means jobs were added, removed or moved between groups. */
export interface JobsChange {
  jobs: BatchJob[];
  structure: boolean;
}

/**
 * The jobs the view shows: the account's list merged with this workspace's records. Owns the Poller, which runs
 * only while unfinished jobs exist (and `canPoll` holds). Fires events; never shows UI.
 */
export class JobsModel implements vscode.Disposable {
  private readonly byName = new Map<string, BatchJob>();
  private stateValue: JobsState | undefined;
  private failure: string | undefined;
  private generation = 0;
  private disposed = false;
  private started = false; // by the first listing: until then the model makes no request
  /** `name + terminal state` already announced (see storeJobs): each end is reported once. */
  private readonly announced = new Set<string>();
  /** Listing and polling take turns, so a list can never carry older states than a tick just applied. */
  private readonly turns = new TakeTurns();
  private poller: Poller;
  private readonly changed = new vscode.EventEmitter<JobsChange>();
  private readonly stateChanged = new vscode.EventEmitter<JobsState>();
  private readonly finished = new vscode.EventEmitter<BatchJob>();
  private readonly ticked = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;
  readonly onDidChangeState = this.stateChanged.event;
  /** A job reached a terminal state while we watched it (never for jobs already finished when first listed). */
  readonly onDidFinishJob = this.finished.event;
  /** After each poll tick: the unfinished jobs whose data did not change (their time-based text still moves on). */
  readonly onDidTick = this.ticked.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.stateChanged, this.finished, this.ticked];

  constructor(
    private readonly session: ProviderSession,
    readonly records: JobRecordStore,
    private readonly config: Config,
    private readonly log: Log,
    canPoll: () => boolean,
  ) {
    this.poller = this.createPoller(canPoll);
    this.disposables.push(
      session.onDidChange(() => {
        if (this.started) {
          void this.reload(true);
        }
      }), // before the first listing: stay quiet
      config.onDidChange(['jobs.pollMinSeconds', 'jobs.pollMaxSeconds'], () => {
        void this.poller.dispose();
        (this.poller = this.createPoller(canPoll)).kick();
      }),
    );
  }

  private createPoller(canPoll: () => boolean): Poller {
    return new Poller({
      tick: (signal) => this.turns.run(() => this.poll(signal)),
      minMs: this.config.pollMinSeconds() * 1000,
      maxMs: this.config.pollMaxSeconds() * 1000,
      canRun: canPoll,
      onError: (error) => this.noteFailure(error),
    });
  }

  get state(): JobsState | undefined {
    return this.stateValue;
  }
  /** The last background failure, shown as an item in the tree while the list is stale. */
  get lastFailure(): string | undefined {
    return this.failure;
  }
  jobs(): BatchJob[] {
    return [...this.byName.values()];
  }
  get(name: string): BatchJob | undefined {
    return this.byName.get(name);
  }
  /** A command's provider (throws when none); the first command awaits the first list, so it cannot drop its job. */
  provider(): Promise<BatchProvider> {
    return (this.started ? Promise.resolve() : this.reload(true)).then(() => this.session.provider());
  }
  /** The first listing, once: when the view is first shown or a job command runs (never on activation). */
  start(): void {
    if (!this.started) {
      void this.reload(true);
    }
  }

  /** Lists everything again. `fresh` forgets the old jobs first (provider changed), so nothing is announced. */
  async reload(fresh = false): Promise<void> {
    if (this.disposed) {
      return;
    } // resolving the session could start the emulator again
    this.started = true;
    if (fresh) {
      this.generation++;
      if (this.byName.size > 0) {
        this.byName.clear();
        this.changed.fire({ jobs: [], structure: true });
      }
    }
    await this.turns.run(() => this.list());
  }

  private async list(): Promise<void> {
    const generation = this.generation;
    const session = await this.session.resolve();
    if (generation !== this.generation) {
      return;
    }
    if (session.status !== 'ready') {
      this.setState(session.status === 'noKey' ? 'noKey' : 'unreachable');
      if (session.status === 'unavailable') {
        this.log.warn(`[jobs] ${session.reason}`);
      }
      return;
    }
    try {
      const { jobs, gone } = await fetchJobs(
        session.provider,
        this.records.submitted(session.id),
        this.config.pageSize(),
        this.log,
      );
      if (generation !== this.generation) {
        return;
      }
      await Promise.all(gone.map((name) => this.records.remove(name)));
      this.apply(jobs, true);
      this.setFailure(undefined);
      this.setState(this.byName.size > 0 ? 'ok' : 'empty');
      this.poller.kick();
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      const auth = error instanceof BatchApiError && error.kind === 'auth';
      if (!auth && this.byName.size > 0) {
        // Keep showing what we have (e.g. a 429 on a manual refresh); the failure item says it is stale.
        this.noteFailure(error);
        return;
      }
      this.log.warn(`[jobs] listing failed: ${error instanceof Error ? error.message : String(error)}`);
      this.setState(auth ? 'noKey' : 'unreachable');
    }
  }

  /** A job just submitted, cancelled or otherwise touched: show it now and poll soon. */
  upsert(job: BatchJob): void {
    this.apply([job], false);
    this.setState('ok');
    this.poller.kick();
  }

  remove(name: string): void {
    if (!this.byName.delete(name)) {
      return;
    }
    this.changed.fire({ jobs: [], structure: true });
    this.setState(this.byName.size > 0 ? 'ok' : 'empty');
  }

  resumePolling(): void {
    this.poller.resume();
  }
  pollSoon(): void {
    this.poller.kick();
  } // a job was touched but its new state could not be read

  dispose(): void {
    this.disposed = true;
    this.generation++;
    void this.poller.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /**
   * One poll: refresh every unfinished job. Errors become tree state and backoff, never pop-ups. Every tick also
   * announces the unchanged unfinished jobs, so their elapsed and time-left texts move on without a second timer.
   */
  private async poll(signal: AbortSignal): Promise<TickResult> {
    const generation = this.generation;
    const unfinished = this.jobs().filter((j) => !isTerminal(j.state));
    let changed: Set<string> | undefined;
    try {
      if (unfinished.length > 0) {
        const provider = await this.provider();
        const fetched = await refreshUnfinished(provider, unfinished, this.config.pageSize(), signal);
        if (generation !== this.generation) {
          return { unfinished: 0 };
        }
        // A job deleted meanwhile (here or elsewhere) is not brought back.
        const gone = unfinished.filter((job) => !fetched.some((f) => f.name === job.name));
        gone.forEach((job) => this.remove(job.name));
        changed =
          this.apply(
            fetched.filter((job) => this.byName.has(job.name)),
            false,
          ) ?? (gone.length ? new Set() : undefined);
      }
      this.setFailure(undefined);
    } finally {
      if (generation === this.generation) {
        const still = this.jobs().filter((j) => !isTerminal(j.state) && !changed?.has(j.name));
        if (still.length > 0) {
          this.ticked.fire(still.map((j) => j.name));
        }
      }
    }
    return { unfinished: this.jobs().filter((j) => !isTerminal(j.state)).length, changed: changed !== undefined };
  }

  /** A failed poll or refresh becomes an item in the tree; the Poller itself backs off and honours Retry-After. */
  private noteFailure(error: unknown): void {
    const text = describeError(error, (t) => this.log.scrub(t));
    this.log.warn(`[jobs] refresh failed: ${error instanceof Error ? this.log.scrub(error.message) : String(error)}`);
    this.setFailure(text);
  }

  /** Shows (or, with undefined, removes) the failure item. */
  private setFailure(text: string | undefined): void {
    if (this.failure === text) {
      return;
    }
    this.failure = text;
    this.changed.fire({ jobs: [], structure: true });
  }

  /** Stores `jobs`, fires one change event, announces finished jobs; the names of the jobs whose data changed. */
  private apply(jobs: BatchJob[], replaceAll: boolean): Set<string> | undefined {
    const { changedJobs, finishedJobs, structure } = storeJobs(this.byName, jobs, replaceAll, this.announced);
    finishedJobs.forEach((job) => this.finished.fire(job));
    if (!structure && changedJobs.length === 0) {
      return undefined;
    }
    this.changed.fire({ jobs: changedJobs, structure });
    return new Set(changedJobs.map((job) => job.name));
  }

  private setState(state: JobsState): void {
    if (state === this.stateValue) {
      return;
    }
    this.stateValue = state;
    void setJobsState(state);
    this.stateChanged.fire(state);
  }
}
