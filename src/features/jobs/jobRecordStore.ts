import * as vscode from 'vscode';
import type { JobRecord } from '../../core/jobs/jobRecords';
import type { MergedTally } from '../../core/jobs/mergedView';
import type { ResultsCost } from '../../core/results/resultsCost';
import type { ProviderId } from '../../core/providers/types';
import { TakeTurns } from '../../core/util/takeTurns';

/**
 * What this workspace remembers about a job: a full `JobRecord` for the jobs submitted from here, or just the local
 * result paths of a job it downloaded. Kept in `workspaceState`, so it survives restarts.
 */
export type LocalJobRecord = Partial<JobRecord> & {
  jobName: string;
  provider: ProviderId;
  /** The input lines joined with their results (written by Open Results). */
  joinedPath?: string;
  /** The estimate the user confirmed at submit (an interactive submit only). */
  estimate?: { requests: number; inputTokens: number; batchUsd?: number; standardUsd?: number };
  /** What the results cost at batch price, from the usage they report (written once results are opened). */
  actualCost?: ResultsCost;
  /** On an original job with follow-ups: what its requests came to across the attempts, at the last merge. */
  merged?: MergedTally;
};

const STATE_KEY = 'geminiBatch.jobRecords';

function isSubmitted(record: LocalJobRecord): record is LocalJobRecord & JobRecord {
  return Boolean(record.inputPath && record.kind && record.model && record.displayName && record.createdAt);
}

/** The workspace's job records, one per job name. Writes replace the whole list (it stays small). */
export class JobRecordStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LocalJobRecord>();
  readonly onDidChange = this.changed.event;
  /**
   * Writes of merged joined files (features/results/attempts.ts) take turns: the merge started when one part or
   * follow-up ends must not finish after, and so overwrite, a later merge that saw more attempts ended.
   */
  readonly merges = new TakeTurns();
  /**
   * Downloads of results take turns too: Open Results on a group's part and the group's merge (started when its last
   * part ends) may both find a part's results missing and fetch them at once; in turns, the second finds them there.
   */
  readonly downloads = new TakeTurns();

  constructor(private readonly memento: vscode.Memento) {}

  all(): LocalJobRecord[] {
    return this.memento.get<LocalJobRecord[]>(STATE_KEY) ?? [];
  }

  /** The jobs submitted from this workspace to `provider`: what the list is merged with. */
  submitted(provider: ProviderId): JobRecord[] {
    return this.all()
      .filter((r) => r.provider === provider)
      .filter(isSubmitted);
  }

  get(jobName: string): LocalJobRecord | undefined {
    return this.all().find((r) => r.jobName === jobName);
  }

  /** Adds the record, or merges `patch` into the one with the same job name. */
  async upsert(patch: LocalJobRecord): Promise<LocalJobRecord> {
    const records = this.all();
    const index = records.findIndex((r) => r.jobName === patch.jobName);
    const merged = index >= 0 ? { ...records[index], ...patch } : patch;
    if (index >= 0) {
      records[index] = merged;
    } else {
      records.push(merged);
    }
    await this.memento.update(STATE_KEY, records);
    this.changed.fire(merged);
    return merged;
  }

  async remove(jobName: string): Promise<void> {
    await this.memento.update(
      STATE_KEY,
      this.all().filter((r) => r.jobName !== jobName),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
