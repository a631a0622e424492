import { BatchApiError, isTerminal, type BatchJob, type BatchProvider } from '../providers/types';
import { mergeJobs, type JobRecord } from './jobRecords';

/** What listing jobs writes to: the editor's log channel in the extension, anything with `info` in tests. */
type Log = { info(message: string): void };

/** A bound on listing, so a huge account cannot keep the loop busy; the newest jobs come first. */
const MAX_PAGES = 20;

/**
 * The account's jobs (every page, up to MAX_PAGES) merged with the jobs submitted from this workspace; those the
 * list did not include (older than the listed pages, or a provider whose list is partial) are fetched one by one.
 * `gone` names the remembered jobs the service no longer knows (deleted or expired elsewhere).
 */
export async function fetchJobs(
  provider: BatchProvider,
  records: readonly JobRecord[],
  pageSize: number,
  log: Log,
  signal?: AbortSignal,
): Promise<{ jobs: BatchJob[]; gone: string[] }> {
  const listed: BatchJob[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await provider.listJobs({ pageSize, pageToken, signal });
    listed.push(...result.jobs);
    pageToken = result.nextPageToken;
    if (!pageToken) {
      break;
    }
  }
  const names = new Set(listed.map((j) => j.name));
  const fetched = new Map<string, BatchJob>();
  const gone: string[] = [];
  for (const record of records) {
    if (names.has(record.jobName)) {
      continue;
    }
    try {
      fetched.set(record.jobName, await provider.getJob(record.jobName, signal, { kind: record.kind }));
    } catch (error) {
      if (!(error instanceof BatchApiError && error.kind === 'notFound')) {
        throw error;
      }
      log.info(`[jobs] ${record.jobName} is gone from the service`);
      gone.push(record.jobName);
    }
  }
  const kept = records.filter((r) => !gone.includes(r.jobName));
  return { jobs: mergeJobs(listed, kept, fetched), gone };
}

/** Above this many unfinished jobs, one list page is cheaper than a GET per job. */
const GET_EACH_LIMIT = 5;

/**
 * The current state of the unfinished jobs: a GET each when they are few; otherwise the first list page (the newest
 * jobs, where unfinished ones usually are) and a GET for each one it did not include. Jobs the service no longer
 * knows are left out of the answer.
 */
export async function refreshUnfinished(
  provider: BatchProvider,
  unfinished: readonly BatchJob[],
  pageSize: number,
  signal?: AbortSignal,
): Promise<BatchJob[]> {
  const wanted = new Set(unfinished.map((j) => j.name));
  const kinds = new Map(unfinished.map((j) => [j.name, j.kind]));
  const found: BatchJob[] = [];
  if (unfinished.length > GET_EACH_LIMIT) {
    const { jobs } = await provider.listJobs({ pageSize, signal });
    for (const job of jobs) {
      if (wanted.delete(job.name)) {
        found.push(job);
      }
    }
  }
  for (const name of wanted) {
    try {
      found.push(await provider.getJob(name, signal, { kind: kinds.get(name) }));
    } catch (error) {
      // Deleted elsewhere (or expired out of the service): the caller drops what was not returned.
      if (!(error instanceof BatchApiError && error.kind === 'notFound')) {
        throw error;
      }
    }
  }
  return found;
}

/** True when nothing a tree item shows differs, so the node need not be refreshed. */
export function sameJob(a: BatchJob, b: BatchJob): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A job's display name never changes on the service, so the first one shown (the user's, from the workspace record)
 * is kept when a poll or a cancel brings back the service's own view of the job, which for a job made through
 * Gemini's OpenAI-compatible layer carries a generated name instead.
 */
function keepDisplayName(previous: BatchJob | undefined, job: BatchJob): BatchJob {
  return previous?.displayName && previous.displayName !== job.displayName
    ? { ...job, displayName: previous.displayName }
    : job;
}

/** What storing a batch of jobs changed: the jobs whose data differs, jobs that just ended, and adds/removes/moves. */
export interface JobsDiff {
  changedJobs: BatchJob[];
  finishedJobs: BatchJob[];
  structure: boolean;
}

/**
 * Stores `jobs` in `byName` (dropping the others when `replaceAll`) and reports what changed. `structure` means a
 * job was added, removed or moved between Active and Finished. A terminal state is final, so a non-terminal copy of
 * a job already known finished is stale (a list fetched before the poll that saw the end) and is ignored. A job is
 * reported in `finishedJobs` once per terminal state: `announced` (owned by the caller) remembers `name + state`.
 */
export function storeJobs(
  byName: Map<string, BatchJob>,
  jobs: readonly BatchJob[],
  replaceAll: boolean,
  announced: Set<string> = new Set(),
): JobsDiff {
  const diff: JobsDiff = { changedJobs: [], finishedJobs: [], structure: false };
  for (const incoming of jobs) {
    const previous = byName.get(incoming.name);
    const job = keepDisplayName(previous, incoming);
    if (previous && isTerminal(previous.state) && !isTerminal(job.state)) {
      continue;
    }
    byName.set(job.name, job);
    if (!previous) {
      diff.structure = true;
      continue;
    }
    if (sameJob(previous, job)) {
      continue;
    }
    diff.changedJobs.push(job);
    if (isTerminal(previous.state) !== isTerminal(job.state)) {
      diff.structure = true;
    }
    const key = `${job.name}\u0000${job.state}`;
    if (!isTerminal(previous.state) && isTerminal(job.state) && !announced.has(key)) {
      announced.add(key);
      diff.finishedJobs.push(job);
    }
  }
  if (replaceAll) {
    const keep = new Set(jobs.map((j) => j.name));
    for (const name of [...byName.keys()]) {
      if (!keep.has(name)) {
        byName.delete(name);
        diff.structure = true;
      }
    }
  }
  return diff;
}
