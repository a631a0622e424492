import type { BatchKind } from '../batchKind';

/** What the submit history needs of a job record (features/jobs/jobRecordStore.ts: LocalJobRecord). */
export interface SubmittedRecord {
  jobName: string;
  provider: string;
  inputPath?: string;
  model?: string;
  kind?: BatchKind;
  createdAt?: string;
}

function newest<T extends SubmittedRecord>(records: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const record of records) {
    if (!best || (Date.parse(record.createdAt ?? '') || 0) >= (Date.parse(best.createdAt ?? '') || 0)) {
      best = record;
    }
  }
  return best;
}

/** Where a preselected model comes from, most specific first; the picker says which. */
export type ModelSource = 'chosen' | 'fileSubmit' | 'fileLines' | 'workspaceSubmit';

export interface ModelHints {
  /** The model the user last chose for this file this session (the estimate lens's pick, or the submit picker's). */
  chosen?: string;
  /** The model every request of the file names (`request.model`), if any. */
  fileModel?: string;
}

/**
 * The model the submit picker starts on: the one the user last chose for this file, else the one it was last
 * submitted with, else the one its lines name, else the last one this workspace submitted a batch of the same kind
 * to on the same provider. The file's own lines come before the workspace's habit: they say what this file is for.
 */
export function preferredModel(
  records: readonly SubmittedRecord[],
  target: { inputPath: string; provider: string; kind: BatchKind },
  hints: ModelHints,
): { model: string; source: ModelSource } | undefined {
  if (hints.chosen) {
    return { model: hints.chosen, source: 'chosen' };
  }
  const same = records.filter((r) => r.model && r.provider === target.provider && r.kind === target.kind);
  const file = newest(same.filter((r) => r.inputPath === target.inputPath));
  if (file?.model) {
    return { model: file.model, source: 'fileSubmit' };
  }
  if (hints.fileModel && hints.fileModel !== 'mixed') {
    return { model: hints.fileModel, source: 'fileLines' };
  }
  const workspace = newest(same);
  return workspace?.model ? { model: workspace.model, source: 'workspaceSubmit' } : undefined;
}

/** The model a file was last submitted with from this workspace (any provider): what its estimate lens prices at. */
export function lastSubmittedModel(records: readonly SubmittedRecord[], inputPath: string): string | undefined {
  return newest(records.filter((r) => r.model && r.inputPath === inputPath))?.model;
}

/**
 * The newest job submitted from this file that succeeded (`stateOf` knows the jobs' states): resubmitting it runs,
 * and bills, the same requests again.
 */
export function succeededSubmission<T extends SubmittedRecord>(
  records: readonly T[],
  inputPath: string,
  stateOf: (jobName: string) => string | undefined,
): T | undefined {
  return newest(records.filter((r) => r.inputPath === inputPath && stateOf(r.jobName) === 'succeeded'));
}
