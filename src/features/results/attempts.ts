import { existsSync } from 'fs';
import * as path from 'path';
import type { AttemptFiles } from '../../core/results/attemptMatch';
import { attemptRole } from '../../core/jobs/jobRecords';
import { writeMergedJoin, type MergedCounts } from '../../core/results/mergedJoin';
import { isTerminal } from '../../core/providers/types';
import type { JobRecordStore, LocalJobRecord } from '../jobs/jobRecordStore';
import { downloadResults, type ResultsDeps } from './downloadResults';
import { resultsFolder } from './resultPaths';

/** The requests a chain answers: a group's unsplit source file, else the original job's input. */
export function requestsOf(root: LocalJobRecord): string | undefined {
  return root.groupSource ?? root.inputPath;
}

/** The original job of a chain of attempts: the job itself, or the one it retries. */
export function rootOf(records: JobRecordStore, name: string): string {
  return records.get(name)?.retryOf ?? name;
}

/** The original job's record, then its follow-ups by attempt number (the tree and the merge read this order). */
export function attemptChain(records: JobRecordStore, root: string): LocalJobRecord[] {
  const first = records.get(root);
  const followUps = records
    .all()
    .filter((r) => r.retryOf === root)
    .sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0));
  return first ? [first, ...followUps] : followUps;
}

/** What each attempt sent and got back, as far as it is on disk (an attempt without results contributes none). */
export function attemptFiles(chain: readonly LocalJobRecord[]): AttemptFiles[] {
  return chain
    .filter((r) => r.inputPath && existsSync(r.inputPath))
    .map((r) => ({
      inputPath: r.inputPath!,
      role: attemptRole(r),
      // downloadResults stores the error file as `resultsPath` too when it is the only one: read each file once.
      resultPaths: [...new Set([r.resultsPath, r.errorsPath])].filter((p): p is string => Boolean(p && existsSync(p))),
    }));
}

/** Downloads the results of every ended attempt that has some and none on disk yet (never replacing a file). */
export async function downloadEnded(deps: ResultsDeps, chain: readonly LocalJobRecord[]): Promise<void> {
  for (const record of chain) {
    const job = deps.model.get(record.jobName);
    if (job && isTerminal(job.state) && (job.resultsFile || job.errorFile)) {
      await downloadResults(deps, record.jobName, { ifExists: 'keepBoth', ifMissing: true });
    }
  }
}

/**
 * Where the original job's joined file goes: beside its results, else in the results folder, named for the requests
 * it answers (a group's for its unsplit file, `data.joined.jsonl`, not for its first part).
 */
export function joinedPathFor(deps: ResultsDeps, root: LocalJobRecord): string {
  if (root.joinedPath) {
    return root.joinedPath;
  }
  const stem = path
    .basename(requestsOf(root) ?? root.jobName)
    .replace(/\.jsonl$/i, '')
    .replace(/[^\w.-]+/g, '_');
  const folder = root.resultsPath ? path.dirname(root.resultsPath) : resultsFolder(deps.config, root);
  return path.join(folder, `${stem}.joined.jsonl`);
}

/**
 * Writes the original job's joined file across all its attempts (the best answer per request: mergeAttempts), after
 * downloading what ended, and remembers it on the original's record. Undefined when its input is not on disk.
 */
export function writeMerged(
  deps: ResultsDeps,
  rootName: string,
  target?: string,
): Promise<{ path: string; counts: MergedCounts } | undefined> {
  return deps.model.records.merges.run(() => mergeNow(deps, rootName, target));
}

async function mergeNow(
  deps: ResultsDeps,
  rootName: string,
  target?: string,
): Promise<{ path: string; counts: MergedCounts } | undefined> {
  await downloadEnded(deps, attemptChain(deps.model.records, rootName));
  const chain = attemptChain(deps.model.records, rootName);
  const root = chain[0];
  const requests = root ? requestsOf(root) : undefined;
  if (root?.jobName !== rootName || !requests || !existsSync(requests)) {
    return undefined;
  }
  const joined = target ?? joinedPathFor(deps, root);
  const counts = await writeMergedJoin(requests, attemptFiles(chain), joined);
  // Only the joined path and the tally: `root` was read before the merge, and spreading it would undo what was
  // written meanwhile. The tally redraws the original's row (jobTreeItems), which otherwise keeps its first counts.
  const merged =
    chain.length > 1
      ? {
          requests: counts.requests,
          succeeded: counts.succeeded,
          noAnswer: counts.noAnswer,
          failed: counts.failed + counts.missing,
          fromRetries: counts.fromRetries,
          retried: counts.retried,
        }
      : undefined;
  await deps.model.records.upsert({ jobName: root.jobName, provider: root.provider, joinedPath: joined, merged });
  deps.log.info(
    `[results] ${rootName}: merged ${chain.length} attempt(s) → ${joined} (${counts.succeeded}/${counts.requests} succeeded)`,
  );
  return { path: joined, counts };
}
