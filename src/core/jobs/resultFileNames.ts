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
 * The joined file written beside a job's results: `<stem>.joined.jsonl` for `<stem>.results.jsonl`, and also for
 * `<stem>.errors.jsonl`, which stands as the results when every request of an OpenAI batch failed (its
 * `output_file_id` is null, reference/batch-api.md); a kept copy's `-N` moves before `.joined`. Same folder.
 */
export function joinedNameFor(resultsPath: string): string {
  const cut = Math.max(resultsPath.lastIndexOf('/'), resultsPath.lastIndexOf('\\')) + 1;
  const stem = resultsPath
    .slice(cut)
    .replace(/\.jsonl$/i, '')
    .replace(/\.(?:results|errors)(?=(?:-\d+)?$)/i, '');
  return `${resultsPath.slice(0, cut)}${stem}.joined.jsonl`;
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
