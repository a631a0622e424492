import * as vscode from 'vscode';
import type { BatchJob } from '../../core/providers/types';
import { describeLine, viewOf } from './jobPresentation';
import { problemItem, problemNodes } from './jobProblemItems';
import type { JobsModel } from './jobsModel';
import { JobChains } from './jobChains';
import {
  FailureNode,
  FileNode,
  GroupNode,
  JobNode,
  failureItem,
  fileItem,
  groupItem,
  groupOf,
  jobItem,
  type JobsNode,
} from './jobTreeItems';

function newestFirst(a: BatchJob, b: BatchJob): number {
  return (b.createTime ?? '').localeCompare(a.createTime ?? '') || a.name.localeCompare(b.name);
}

/**
 * Renders the JobsModel. Reads model state only (never fetches, never pops UI). Nodes are stable objects, so a
 * data change refreshes just that job's node; only added, removed or regrouped jobs refresh the whole tree.
 * Each poll tick re-renders the unfinished jobs' nodes, so elapsed time and time left move on while the view is visible.
 * In the noKey / unreachable / empty states it returns no children and the view shows its `viewsWelcome`.
 */
export class JobsTreeDataProvider implements vscode.TreeDataProvider<JobsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JobsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly groups = { active: new GroupNode('active'), finished: new GroupNode('finished') };
  private readonly jobNodes = new Map<string, JobNode>();
  /** The rows of groups' first parts as parts (JobNode.asPart), by job name. */
  private readonly partNodes = new Map<string, JobNode>();
  /** The description each job's item was last drawn with. */
  private readonly drawn = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly chains: JobChains;

  /** `isVisible`: whether the view is on screen; time-based descriptions are only re-rendered while it is. */
  constructor(
    private readonly model: JobsModel,
    private readonly isVisible: () => boolean = () => true,
  ) {
    this.chains = new JobChains(model);
    this.disposables.push(
      model.onDidTick((names) => {
        if (this.isVisible()) {
          names.forEach((name) => this.refreshIfStale(name));
        }
      }),
      model.onDidChange(({ jobs, structure }) => {
        if (structure) {
          this.forgetRemovedNodes();
          this.changed.fire(undefined);
          return;
        }
        for (const job of jobs) {
          this.changed.fire(this.nodeFor(job.name));
          const part = this.partNodes.get(job.name);
          if (part) {
            this.changed.fire(part);
          }
          // A later part's progress moves its group's row (groupJob.ts).
          const root = this.chains.rootOf(job.name);
          if (root && this.chains.isLaterPart(job.name)) {
            this.changed.fire(this.nodeFor(root));
          }
        }
      }),
      model.onDidChangeState(() => this.changed.fire(undefined)),
      model.records.onDidChange((record) => {
        // A follow-up moves under its original job: the whole tree changes shape.
        if (record.retryOf) {
          this.changed.fire(undefined);
          return;
        }
        if (this.jobNodes.has(record.jobName)) {
          this.changed.fire(this.nodeFor(record.jobName));
        }
        const part = this.partNodes.get(record.jobName);
        if (part) {
          this.changed.fire(part);
        }
      }),
    );
  }

  /** The stable node of a job (used by reveal). */
  nodeFor(name: string): JobNode {
    let node = this.jobNodes.get(name);
    if (!node) {
      node = new JobNode(name);
      this.jobNodes.set(name, node);
    }
    return node;
  }

  getTreeItem(node: JobsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node, this.jobsIn(node).length);
      case 'file':
        return fileItem(node);
      case 'failure':
        return failureItem(node);
      case 'problem':
        return problemItem(node.problem, `problem:${node.parent.name}:${node.index}`, node.severity);
      case 'job': {
        const job = this.model.get(node.name);
        if (!job) {
          // Asked about a job removed a moment ago: an inert item (the refresh that drops it is on its way).
          const gone = new vscode.TreeItem(node.name);
          gone.id = `job:${node.name}`;
          return gone;
        }
        if (node.asPart) {
          return jobItem(job, this.model.records.get(node.name), Date.now(), { asPart: true });
        }
        const parts = this.chains.partsOf(node.name).length;
        const row = this.chains.rowJob(job);
        const shape = parts > 0 ? { parts: parts + 1 } : {};
        const item = jobItem(row, this.model.records.get(node.name), Date.now(), shape);
        this.drawn.set(node.name, String(item.description));
        return item;
      }
    }
  }

  getChildren(node?: JobsNode): JobsNode[] {
    if (!node) {
      if (this.model.state !== 'ok') {
        return [];
      }
      const roots: JobsNode[] = [];
      if (this.model.lastFailure) {
        roots.push(new FailureNode(this.model.lastFailure));
      }
      for (const group of [this.groups.active, this.groups.finished]) {
        if (this.jobsIn(group).length > 0) {
          roots.push(group);
        }
      }
      return roots;
    }
    if (node.kind === 'group') {
      return this.jobsIn(node).map((job) => this.nodeFor(job.name));
    }
    if (node.kind === 'job') {
      // A group's row holds its parts as siblings (the first part's own row first), then its retries.
      if (!node.asPart && this.chains.partsOf(node.name).length > 0) {
        return [this.partNodeFor(node.name), ...this.followUpsOf(node)];
      }
      // Why a failed or expired job ended comes first: it is what the user looks for under it.
      const own = [...problemNodes(node, this.model.get(node.name)), ...this.filesOf(node)];
      return node.asPart ? own : [...own, ...this.followUpsOf(node)];
    }
    return [];
  }

  getParent(node: JobsNode): JobsNode | undefined {
    if (node.kind === 'file' || node.kind === 'problem') {
      return node.parent;
    }
    if (node.kind === 'job') {
      if (node.asPart) {
        return this.nodeFor(node.name);
      }
      const root = this.chains.rootOf(node.name);
      if (root) {
        return this.nodeFor(root);
      }
      const job = this.model.get(node.name);
      return job ? this.groups[groupOf(this.chains.rowJob(job))] : undefined;
    }
    return undefined;
  }

  /** Re-renders the unfinished jobs' nodes whose elapsed or time-left text moved on since they were drawn. */
  refreshUnfinished(): void {
    for (const job of this.jobsIn(this.groups.active)) {
      this.refreshIfStale(job.name);
    }
  }

  /**
   * Only a drawn node whose text moved on: a re-render closes an open tooltip, so identical redraws are skipped, and a
   * node never drawn (in a collapsed group) is drawn fresh when shown.
   */
  private refreshIfStale(name: string): void {
    const stored = this.model.get(name);
    const job = stored && this.chains.rowJob(stored);
    const drawn = this.drawn.get(name);
    if (job && drawn !== undefined && drawn !== describeLine(job, viewOf(job, Date.now()))) {
      this.changed.fire(this.nodeFor(name));
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Follow-up jobs ("Retry Failed Lines") are shown under their original job, not in a group. */
  private jobsIn(group: GroupNode): BatchJob[] {
    return this.model
      .jobs()
      .filter((job) => !this.chains.rootOf(job.name) && groupOf(this.chains.rowJob(job)) === group.group)
      .sort(newestFirst);
  }

  /** The row of a group's first part as a part, under the group's row. */
  private partNodeFor(name: string): JobNode {
    let node = this.partNodes.get(name);
    if (!node) {
      node = new JobNode(name, true);
      this.partNodes.set(name, node);
    }
    return node;
  }

  /** The jobs of the group whose row `node` is (its first part, then the later ones); undefined for any other row. */
  groupMembers(node: JobsNode): string[] | undefined {
    return node.kind === 'job' && !node.asPart ? this.chains.groupMembers(node.name) : undefined;
  }

  private followUpsOf(node: JobNode): JobNode[] {
    return this.chains.followUps(node.name).map((r) => this.nodeFor(r.jobName));
  }

  private filesOf(node: JobNode): FileNode[] {
    const job = this.model.get(node.name);
    const record = this.model.records.get(node.name);
    const files: FileNode[] = [];
    if (record?.inputPath || job?.inputFile) {
      files.push(new FileNode(node, 'input', record?.inputPath, job?.inputFile));
    }
    // When every OpenAI request failed there is only an error file, which the record also names as the results
    // (downloadResults): it is listed once, as what it is.
    const results = record?.resultsPath !== record?.errorsPath ? record?.resultsPath : undefined;
    if (results || job?.resultsFile) {
      files.push(new FileNode(node, 'results', results, job?.resultsFile));
    }
    if (record?.errorsPath || job?.errorFile) {
      files.push(new FileNode(node, 'errors', record?.errorsPath, job?.errorFile));
    }
    return files;
  }

  private forgetRemovedNodes(): void {
    for (const name of [...this.jobNodes.keys()]) {
      if (!this.model.get(name)) {
        this.jobNodes.delete(name);
        this.partNodes.delete(name);
        this.drawn.delete(name);
      }
    }
  }
}
