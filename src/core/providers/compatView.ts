import { BatchApiError, type BatchJob, type BatchProvider } from './types';

/**
 * Gemini's OpenAI-compatible layer makes ordinary `batches/…` jobs, so the native API lists and reads them as
 * generateContent batches, without their OpenAI error file. Nothing in the native Operation is known to tell them
 * apart, so the compat layer itself is asked: what it knows about a job wins over the native view.
 */

/** Answers meaning "the compat layer does not know this job, or cannot list": the native view stands. */
const NOT_THERE: ReadonlySet<string> = new Set(['notFound', 'invalid', 'unsupported']);

/** Page size for reading the compat list: the OpenAI API's maximum, so one call usually covers a native page. */
const COMPAT_PAGE_SIZE = 100;
/** Bound on compat pages read to cover one native page. */
const MAX_COMPAT_PAGES = 5;

function batchName(name: string): string {
  return name.startsWith('batches/') ? name : `batches/${name}`;
}

function orNotThere<T>(err: unknown, fallback: T): T {
  if (err instanceof BatchApiError && NOT_THERE.has(err.kind)) {
    return fallback;
  }
  throw err;
}

/** The compat layer's view laid over the native one: its kind, files, counts and state; native times and names. */
export function mergeCompatView(native: BatchJob, compat: BatchJob): BatchJob {
  const merged: BatchJob = { ...native };
  for (const [key, value] of Object.entries(compat) as [keyof BatchJob, unknown][]) {
    if (value !== undefined) {
      (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return {
    ...merged,
    name: native.name,
    kind: 'openai',
    displayName: compat.displayName ?? native.displayName,
    createTime: native.createTime ?? compat.createTime,
    updateTime: native.updateTime ?? compat.updateTime,
    endTime: native.endTime ?? compat.endTime,
    progress: Object.keys(compat.progress).length > 0 ? compat.progress : native.progress,
  };
}

/** `GET /v1beta/openai/batches/{id}`: the compat view of one job, or undefined when the layer does not know it. */
export async function compatViewOf(
  compat: BatchProvider,
  name: string,
  signal?: AbortSignal,
): Promise<BatchJob | undefined> {
  try {
    return await compat.getJob(name, signal);
  } catch (err) {
    return orNotThere(err, undefined);
  }
}

/**
 * The compat jobs among `native` (one native list page, newest first), by name, read from the compat list
 * (`GET /v1beta/openai/batches`) until it is older than the page's oldest job.
 */
export async function compatJobsAmong(
  compat: BatchProvider,
  native: readonly BatchJob[],
  signal?: AbortSignal,
): Promise<Map<string, BatchJob>> {
  const found = new Map<string, BatchJob>();
  const wanted = new Set(native.map((j) => j.name));
  const times = native.map((j) => Date.parse(j.createTime ?? '')).filter(Number.isFinite);
  const oldest = times.length === native.length && times.length > 0 ? Math.min(...times) : -Infinity;
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_COMPAT_PAGES && wanted.size > found.size; page++) {
    let listed: { jobs: BatchJob[]; nextPageToken?: string };
    try {
      listed = await compat.listJobs({ pageSize: COMPAT_PAGE_SIZE, pageToken, signal });
    } catch (err) {
      return orNotThere(err, found);
    }
    for (const job of listed.jobs) {
      const name = batchName(job.name);
      if (wanted.has(name)) {
        found.set(name, job);
      }
    }
    const last = listed.jobs[listed.jobs.length - 1];
    // The compat list's times are whole seconds: allow one second before stopping.
    if (!listed.nextPageToken || (last?.createTime !== undefined && Date.parse(last.createTime) < oldest - 1000)) {
      break;
    }
    pageToken = listed.nextPageToken;
  }
  return found;
}
