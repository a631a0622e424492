import * as path from 'node:path';

/** `<stem>.results.jsonl`, `<stem>.results-2.jsonl`, `<stem>.errors.jsonl`, `<stem>.joined.jsonl` → `<stem>`. */
const RESULT_NAME = /^(.+?)\.(?:(?:results|errors)(?:-\d+)?|joined)\.jsonl$/i;

/** The input stem a results file is named after (resultFileNames.ts), or undefined for any other name. */
export function stemOfResults(fileName: string): string | undefined {
  return RESULT_NAME.exec(path.basename(fileName))?.[1];
}

/**
 * Where the input of a results file may be, by name, best first: beside it, then one folder up (results are saved
 * in a `batch-results` folder beside the input by default). The caller checks which exists.
 */
export function inputCandidates(resultsPath: string): string[] {
  const stem = stemOfResults(resultsPath);
  if (!stem) {
    return [];
  }
  const dir = path.dirname(resultsPath);
  return [path.join(dir, `${stem}.jsonl`), path.join(path.dirname(dir), `${stem}.jsonl`)];
}

/** The result files of an input found by name: a joined file (read alone), or a results file and its error file. */
export interface ResultCandidate {
  paths: string[];
  joined: boolean;
}

/**
 * Where an input's results may be, by name, best first: in the results folder (`folder`, relative to the input's
 * folder, or absolute), then beside the input; the joined file before the bare results (it carries the merge of
 * retries and the input line numbers).
 */
export function resultCandidates(inputPath: string, folder: string): ResultCandidate[] {
  const stem = path.basename(inputPath).replace(/\.jsonl$/i, '');
  const dirs = [...new Set([path.resolve(path.dirname(inputPath), folder), path.dirname(inputPath)])];
  return dirs.flatMap((dir) => [
    { paths: [path.join(dir, `${stem}.joined.jsonl`)], joined: true },
    { paths: [path.join(dir, `${stem}.results.jsonl`), path.join(dir, `${stem}.errors.jsonl`)], joined: false },
  ]);
}
