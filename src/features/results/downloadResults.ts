import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import { UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { downloadAtomic, resultsSource } from '../../core/jobs/results';
import type { BatchJob, BatchProvider } from '../../core/providers/types';
import type { LocalJobRecord } from '../jobs/jobRecordStore';
import type { JobsModel } from '../jobs/jobsModel';
import type { SubmitTarget } from '../estimate/estimateText';
import { resolveConflict, resultsFolder, stemFor } from './resultPaths';

type ConfirmCost = (uris: readonly vscode.Uri[], target: SubmitTarget) => Promise<{ go: boolean }>;

export interface ResultsDeps {
  log: Log;
  config: Config;
  model: JobsModel;
  /** The submit's cost question (registerEstimate.ts), asked before a retry is sent again; absent in some tests. */
  confirmCost?: ConfirmCost;
}

export interface DownloadOptions {
  /** For scripts and tests: what to do when a file is already there, instead of asking. */
  ifExists?: 'replace' | 'keepBoth';
  /** Only when the job's record names no results on disk; else resolves to those (checked in the download's turn). */
  ifMissing?: boolean;
}

export interface DownloadedResults {
  resultsPath: string;
  errorsPath?: string;
}

/**
 * The job as the service has it now (its results file appears only when it has ended; an OpenAI batch whose every
 * request failed has only an error file).
 */
export async function currentJob(model: JobsModel, provider: BatchProvider, name: string): Promise<BatchJob> {
  const known = model.get(name);
  if (known?.resultsFile || known?.errorFile) {
    return known;
  }
  const fresh = await provider.getJob(name, undefined, { kind: known?.kind ?? model.records.get(name)?.kind });
  model.upsert(fresh);
  return fresh;
}

async function fetchOne(
  provider: BatchProvider,
  remote: string,
  wanted: string,
  options: DownloadOptions,
): Promise<string | undefined> {
  const target = await resolveConflict(wanted, options.ifExists);
  if (!target) {
    return undefined;
  }
  await fs.mkdir(path.dirname(target.path), { recursive: true });
  await downloadAtomic(provider, remote, target.path, { overwrite: target.overwrite });
  return target.path;
}

/**
 * Streams the results file (and OpenAI's error file) into the results folder, atomically (temp file, then rename),
 * never replacing a file without asking. Remembers the paths on the job's record. Undefined when dismissed. One
 * download at a time (JobRecordStore.downloads), so `ifMissing` callers never fetch the same results twice.
 */
export function downloadResults(
  deps: ResultsDeps,
  name: string,
  options: DownloadOptions = {},
): Promise<DownloadedResults | undefined> {
  return deps.model.records.downloads.run(async () => {
    const onDisk = options.ifMissing ? resultsOnDisk(deps.model.records.get(name)) : undefined;
    return onDisk ?? (await downloadNow(deps, name, options));
  });
}

/** The results a record names, when its results file is on disk. */
export function resultsOnDisk(record: LocalJobRecord | undefined): DownloadedResults | undefined {
  return record?.resultsPath && existsSync(record.resultsPath)
    ? { resultsPath: record.resultsPath, errorsPath: record.errorsPath }
    : undefined;
}

async function downloadNow(
  deps: ResultsDeps,
  name: string,
  options: DownloadOptions,
): Promise<DownloadedResults | undefined> {
  const provider = await deps.model.provider();
  const job = await currentJob(deps.model, provider, name);
  if (!job.resultsFile && !job.errorFile) {
    throw new UserFacingError(vscode.l10n.t('"{0}" has no results yet ({1}).', job.displayName || job.name, job.state));
  }
  const record = deps.model.records.get(name);
  const folder = resultsFolder(deps.config, record);
  const stem = stemFor(job, record);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Downloading results of "{0}"', job.displayName || job.name),
    },
    async () => {
      // Inline results have no file: the provider writes them as JSONL when given the job's name.
      const remote = resultsSource(job);
      const resultsPath = remote
        ? await fetchOne(provider, remote, path.join(folder, `${stem}.results.jsonl`), options)
        : undefined;
      if (job.resultsFile && !resultsPath) {
        return undefined;
      }
      const errorsPath = job.errorFile
        ? await fetchOne(provider, job.errorFile, path.join(folder, `${stem}.errors.jsonl`), options)
        : undefined;
      const main = resultsPath ?? errorsPath;
      if (!main) {
        return undefined;
      }
      deps.log.info(`[results] ${name} → ${main}${errorsPath && resultsPath ? ` (+ ${errorsPath})` : ''}`);
      // Only the fields this download sets: `record` was read before the downloads, and spreading it would undo
      // what was written meanwhile (a merge's joined path, a cost).
      await deps.model.records.upsert({
        jobName: name,
        provider: record?.provider ?? provider.id,
        resultsPath: main,
        errorsPath,
      });
      return { resultsPath: main, errorsPath };
    },
  );
}
