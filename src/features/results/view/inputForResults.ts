import { existsSync } from 'fs';
import * as path from 'path';
import type { LocalJobRecord } from '../../jobs/jobRecordStore';

const same = (a: string | undefined, b: string) => a !== undefined && path.resolve(a) === path.resolve(b);

/** `<stem>` of the names the extension writes: `<stem>.results[-n].jsonl`, `<stem>.errors[-n].jsonl`, `<stem>.joined.jsonl`. */
function stemOf(fileName: string): string | undefined {
  return /^(.*)\.(?:results|errors)(?:-\d+)?\.jsonl$|^(.*)\.joined\.jsonl$/i
    .exec(fileName)
    ?.slice(1)
    .find((s) => s !== undefined);
}

/**
 * The input file of a results file, when it can be known: the job record that wrote it (downloads remember their
 * paths), else `<stem>.jsonl` beside it or one folder up (results go to `geminiBatch.results.folder`, by default a
 * subfolder of the input's folder). Undefined when neither exists.
 */
export function inputForResults(resultsPath: string, records: readonly LocalJobRecord[]): string | undefined {
  const record = records.find(
    (r) => same(r.resultsPath, resultsPath) || same(r.errorsPath, resultsPath) || same(r.joinedPath, resultsPath),
  );
  if (record?.inputPath && existsSync(record.inputPath)) {
    return record.inputPath;
  }
  const stem = stemOf(path.basename(resultsPath));
  if (!stem) {
    return undefined;
  }
  const dir = path.dirname(resultsPath);
  return [path.join(dir, `${stem}.jsonl`), path.join(dir, '..', `${stem}.jsonl`)].find((p) => existsSync(p));
}

/**
 * The results file of an input file, for "show the result of this line": the job record's (the newest one that has
 * results on disk), else `<stem>.joined.jsonl` / `<stem>.results.jsonl` beside it or in `folder`.
 */
export function resultsForInput(
  inputPath: string,
  records: readonly LocalJobRecord[],
  folder: string,
): string | undefined {
  const mine = records.filter((r) => same(r.inputPath, inputPath)).reverse();
  for (const r of mine) {
    const found = [r.joinedPath, r.resultsPath, r.errorsPath].find((p) => p !== undefined && existsSync(p));
    if (found) {
      return found;
    }
  }
  const stem = path.basename(inputPath).replace(/\.jsonl$/i, '');
  const dirs = [path.resolve(path.dirname(inputPath), folder), path.dirname(inputPath)];
  return dirs
    .flatMap((d) => [path.join(d, `${stem}.joined.jsonl`), path.join(d, `${stem}.results.jsonl`)])
    .find((p) => existsSync(p));
}
