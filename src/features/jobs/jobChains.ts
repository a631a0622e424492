import { attemptRole } from '../../core/jobs/jobRecords';
import { groupJob } from '../../core/jobs/groupJob';
import type { BatchJob } from '../../core/providers/types';
import type { JobsModel } from './jobsModel';
import type { LocalJobRecord } from './jobRecordStore';

/**
 * How the jobs hang together, read from their records: a follow-up ("Retry Failed Lines") under the job it retries,
 * and a group of split parts under its first part, whose row stands for the group. Reads only; the tree draws it.
 */
export class JobChains {
  constructor(private readonly model: JobsModel) {}

  /** The original job a follow-up retries, when the model knows it. */
  rootOf(name: string): string | undefined {
    const root = this.model.records.get(name)?.retryOf;
    return root && root !== name && this.model.get(root) ? root : undefined;
  }

  /** A job's follow-ups: a group's later parts in the order they were sent, then retries by attempt number. */
  followUps(name: string): LocalJobRecord[] {
    return this.model.records
      .all()
      .filter((r) => r.retryOf === name && r.jobName !== name && this.model.get(r.jobName))
      .sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  }

  /** A group's later parts (submitParts.ts); none for a job that leads no group. */
  partsOf(name: string): LocalJobRecord[] {
    return this.followUps(name).filter((r) => attemptRole(r) === 'part');
  }

  /** Whether `name` is a later part of a group (its row moves its group's row). */
  isLaterPart(name: string): boolean {
    const record = this.model.records.get(name);
    return Boolean(record && this.rootOf(name) && attemptRole(record) === 'part');
  }

  /** The jobs of the group `name` leads (it, then its later parts); undefined when it leads none. */
  groupMembers(name: string): string[] | undefined {
    const parts = this.partsOf(name);
    return parts.length ? [name, ...parts.map((r) => r.jobName)] : undefined;
  }

  /** How a job reads on its own row: a group's first part stands for the whole group (groupJob.ts). */
  rowJob(job: BatchJob): BatchJob {
    // Only a group's first part carries groupSource (submitParts.ts): every other job is itself, at no cost.
    if (!this.model.records.get(job.name)?.groupSource) {
      return job;
    }
    const parts = this.partsOf(job.name)
      .map((r) => this.model.get(r.jobName))
      .filter((j): j is BatchJob => j !== undefined);
    return groupJob(job, parts);
  }
}
