import type { BatchKind } from '../batchKind';

/**
 * The names the extension gives the files it writes for a job (`src/features/results/`): `<stem>.results.jsonl`,
 * OpenAI's `<stem>.errors.jsonl`, with `-1`, `-2`… before `.jsonl` when the user keeps both copies, and
 * `<stem>.joined.jsonl` (the input joined with its results). Only the last path segment is looked at.
 */
const WRITTEN_RESULTS = /\.(?:results|errors)(?:-\d+)?\.jsonl$|\.joined\.jsonl$/i;

/** Whether a file (a path or a bare name, `/` or `\` separated) is named like one this extension writes as results. */
export function isWrittenResultsName(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return WRITTEN_RESULTS.test(base);
}

/**
 * The kind a file is validated as: the per-file kind when the user set one, else the `geminiBatch.validation.kind`
 * setting, except on the files the extension writes as results. Those are always judged by their lines ('auto'),
 * whose kind vote leaves result lines alone: a workspace-wide kind means "my batch files are of this kind", not
 * "validate the outputs too". Only a per-file kind makes them validated as requests.
 */
export function kindToValidate(
  fileName: string,
  perFile: BatchKind | undefined,
  setting: BatchKind | 'auto',
): BatchKind | 'auto' {
  if (perFile !== undefined) {
    return perFile;
  }
  return isWrittenResultsName(fileName) ? 'auto' : setting;
}
