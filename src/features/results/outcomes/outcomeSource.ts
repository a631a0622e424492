import { existsSync, statSync } from 'fs';
import * as vscode from 'vscode';
import type { Config } from '../../../adapters/config';
import { resultCandidates } from '../../../core/results/resultSiblings';
import type { JobRecordStore } from '../../jobs/jobRecordStore';

/** The result files an input's lines are matched against; `stamp` changes when any of them does. */
export interface OutcomeFiles {
  paths: string[];
  stamp: string;
}

function stampOf(paths: readonly string[]): string {
  return paths
    .map((p) => {
      const s = statSync(p);
      return `${p}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

function withStamp(paths: string[]): OutcomeFiles | undefined {
  const present = paths.filter((p) => existsSync(p));
  if (present.length === 0) {
    return undefined;
  }
  try {
    return { paths: present, stamp: stampOf(present) };
  } catch {
    return undefined; // removed between the check and the stat
  }
}

/**
 * Which results an input file has: the newest job submitted from it (its joined file, merged across retries, else
 * its results and errors files), else files named after it in the results folder or beside it.
 */
export function outcomeFilesFor(fsPath: string, records: JobRecordStore, config: Config): OutcomeFiles | undefined {
  const jobs = records
    .all()
    .filter((r) => r.inputPath === fsPath && !r.retryOf)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const record of jobs) {
    const joined = record.joinedPath ? withStamp([record.joinedPath]) : undefined;
    const found =
      joined ?? withStamp([...new Set([record.resultsPath, record.errorsPath])].filter((p): p is string => Boolean(p)));
    if (found) {
      return found;
    }
  }
  for (const candidate of resultCandidates(fsPath, config.resultsFolder(vscode.Uri.file(fsPath)))) {
    if (existsSync(candidate.paths[0])) {
      return withStamp(candidate.paths);
    }
  }
  return undefined;
}
