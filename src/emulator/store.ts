import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { JobRecord, StoredFile } from './contract';

const UPLOAD_SESSION_MS = 7 * 24 * 3600 * 1000;

/** Writes JSON through a temp file and a rename, so a crash never leaves half a metadata file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify(value, null, 1));
  await fsp.rename(tmp, file);
}

/** A lowercase id that fits Gemini's `[a-z0-9-]{1,40}`. */
export function newId(bytes = 8): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * The emulator's state on disk: `files/<id>.json` + `files/<id>.data`, `jobs/<id>.json` (+ `<id>.input.jsonl`
 * for inline jobs), `uploads/<id>.json` + `<id>.part`. Metadata is also indexed in memory (it is small);
 * file contents never are.
 */
export class Store {
  readonly files = new Map<string, StoredFile>();
  readonly jobs = new Map<string, JobRecord>();
  private seq = 0;

  constructor(readonly dataDir: string) {}

  get filesDir(): string {
    return path.join(this.dataDir, 'files');
  }
  get jobsDir(): string {
    return path.join(this.dataDir, 'jobs');
  }
  get uploadsDir(): string {
    return path.join(this.dataDir, 'uploads');
  }
  get tmpDir(): string {
    return path.join(this.dataDir, 'tmp');
  }

  async open(): Promise<void> {
    // Temp files belong to runs and uploads that a crash or stop interrupted: nothing refers to them.
    await fsp.rm(this.tmpDir, { recursive: true, force: true });
    for (const dir of [this.filesDir, this.jobsDir, this.uploadsDir, this.tmpDir]) {
      await fsp.mkdir(dir, { recursive: true });
    }
    for (const f of await this.readAll<StoredFile>(this.filesDir)) {
      this.files.set(f.id, f);
      this.seq = Math.max(this.seq, f.seq);
    }
    // Data renamed in place by a publish or upload that a crash stopped before its record was written: unreachable.
    for (const name of await fsp.readdir(this.filesDir)) {
      if (name.endsWith('.data') && !this.files.has(name.slice(0, -'.data'.length))) {
        await fsp.rm(path.join(this.filesDir, name), { force: true });
      }
    }
    for (const j of await this.readAll<JobRecord>(this.jobsDir)) {
      this.jobs.set(j.id, j);
      this.seq = Math.max(this.seq, j.seq);
    }
    await this.pruneUploads();
  }

  /** Drops upload sessions (finished or abandoned) older than a week, the real service's session lifetime. */
  private async pruneUploads(): Promise<void> {
    const cutoff = Date.now() - UPLOAD_SESSION_MS;
    for (const name of await fsp.readdir(this.uploadsDir)) {
      const file = path.join(this.uploadsDir, name);
      const stat = await fsp.stat(file).catch(() => undefined);
      if (stat && stat.mtimeMs < cutoff) {
        await fsp.rm(file, { force: true });
      }
    }
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  dataPath(fileId: string): string {
    return path.join(this.filesDir, `${fileId}.data`);
  }

  jobInputPath(jobId: string): string {
    return path.join(this.jobsDir, `${jobId}.input.jsonl`);
  }

  tmpPath(label: string): string {
    return path.join(this.tmpDir, `${label}.${newId(4)}.tmp`);
  }

  async putFile(file: StoredFile): Promise<void> {
    await writeJsonAtomic(path.join(this.filesDir, `${file.id}.json`), file);
    this.files.set(file.id, file);
  }

  async deleteFile(id: string): Promise<void> {
    this.files.delete(id);
    await fsp.rm(path.join(this.filesDir, `${id}.json`), { force: true });
    await fsp.rm(this.dataPath(id), { force: true });
  }

  async putJob(job: JobRecord): Promise<void> {
    await writeJsonAtomic(path.join(this.jobsDir, `${job.id}.json`), job);
    this.jobs.set(job.id, job);
  }

  async deleteJob(id: string): Promise<void> {
    this.jobs.delete(id);
    await fsp.rm(path.join(this.jobsDir, `${id}.json`), { force: true });
    await fsp.rm(this.jobInputPath(id), { force: true });
  }

  /** Files sorted newest first (what both real list endpoints do). */
  listFiles(): StoredFile[] {
    return [...this.files.values()].sort((a, b) => b.seq - a.seq);
  }

  listJobs(): JobRecord[] {
    return [...this.jobs.values()].sort((a, b) => b.seq - a.seq);
  }

  private async readAll<T>(dir: string): Promise<T[]> {
    const out: T[] = [];
    for (const name of await fsp.readdir(dir)) {
      if (!name.endsWith('.json')) {
        continue;
      }
      try {
        out.push(JSON.parse(await fsp.readFile(path.join(dir, name), 'utf8')) as T);
      } catch {
        // A metadata file that does not parse is skipped rather than crashing the server.
      }
    }
    return out;
  }
}
