import type { BatchKind } from '../batchKind';
import type { AttemptRole } from '../results/attemptMatch';
import type { BatchJob, ProviderId } from '../providers/types';

/** What this workspace remembers about a job it submitted (the account list may not show it, or may lose it). */
export interface JobRecord {
  jobName: string;
  provider: ProviderId;
  kind: BatchKind;
  model: string;
  displayName: string;
  inputPath: string;
  uploadedFile?: string;
  resultsPath?: string;
  errorsPath?: string;
  /** ISO time of submission. */
  createdAt: string;
  /**
   * A follow-up job ("Retry Failed Lines"), or a later part of a group of split parts: the first job's name, whose
   * requests this job's lines come from. The tree shows it under that job, whose merged results include it.
   */
  retryOf?: string;
  /** The first part of a group ("Submit All Parts"): the unsplit file, the group's whole list of requests. */
  groupSource?: string;
  /** A follow-up's attempt number: 1 for the first retry (the original job is attempt 0, and so is a later part). */
  attempt?: number;
}

/**
 * What a job is to its chain: a later part of a group carries `retryOf` with attempt 0 (features/submit/submitParts.ts),
 * a follow-up its retry number, 1 or more (features/results/retryFailed.ts).
 */
export function attemptRole(record: Pick<JobRecord, 'retryOf' | 'attempt'>): AttemptRole {
  if (!record.retryOf) {
    return 'original';
  }
  return (record.attempt ?? 1) >= 1 ? 'retry' : 'part';
}

/** A placeholder for a remembered job the server has not described yet (or no longer lists). */
function fromRecord(record: JobRecord): BatchJob {
  return {
    name: record.jobName,
    provider: record.provider,
    displayName: record.displayName,
    model: record.model,
    kind: record.kind,
    state: 'unknown',
    rawState: '',
    createTime: record.createdAt,
    progress: {},
    inputFile: record.uploadedFile,
  };
}

function newestFirst(a: BatchJob, b: BatchJob): number {
  const ta = Date.parse(a.createTime ?? '') || 0;
  const tb = Date.parse(b.createTime ?? '') || 0;
  return tb - ta || a.name.localeCompare(b.name);
}

/**
 * The tree's job list: the account's listed jobs plus the ones submitted from this workspace, one entry per name.
 * A job fetched individually (fresher than the list) wins; the record fills in what the server leaves out
 * (display name, model), names the job as the user did, and decides the kind, which it knows from the file; remembered jobs missing from both appear with state `unknown`. Newest first.
 */
export function mergeJobs(listed: BatchJob[], remembered: JobRecord[], fetched: Map<string, BatchJob>): BatchJob[] {
  const byName = new Map<string, BatchJob>();
  for (const job of listed) {
    byName.set(job.name, job);
  }
  for (const [name, job] of fetched) {
    byName.set(name, job);
  }
  for (const record of remembered) {
    const job = byName.get(record.jobName);
    if (!job) {
      byName.set(record.jobName, fromRecord(record));
      continue;
    }
    byName.set(record.jobName, {
      ...job,
      // The record knows what the submitted file held; a listing may not (a compat job looks native there).
      kind: record.kind ?? job.kind,
      // The name the user typed wins: Gemini's OpenAI-compatible layer takes no metadata and names the job itself
      // (the emulator: `batch-<id>`), so the service's name is only a fallback (issue 11, "OpenAI display names").
      displayName: record.displayName || job.displayName,
      model: job.model ?? record.model,
      inputFile: job.inputFile ?? record.uploadedFile,
      createTime: job.createTime ?? record.createdAt,
    });
  }
  return [...byName.values()].sort(newestFirst);
}
