import * as path from 'path';
import * as vscode from 'vscode';
import { approxUsd, besideUsd, compactCount, usd } from '../estimate/estimateText';
import { isTerminal, type BatchJob } from '../../core/providers/types';
import { resultsAvailable } from '../../core/jobs/jobView';
import { groupLabel, rowLabel } from '../../core/jobs/jobRow';
import { jobProblems, type JobProblem } from '../../core/jobs/jobProblems';
import { describeLine, stateIcon, viewOf } from './jobPresentation';
import { withMerge } from '../../core/jobs/mergedView';
import type { LocalJobRecord } from './jobRecordStore';

export type JobGroup = 'active' | 'finished';

export class GroupNode {
  readonly kind = 'group';
  constructor(readonly group: JobGroup) {}
}

/**
 * One per job name, kept for the model's lifetime so `onDidChangeTreeData.fire(node)` finds the same object. The first
 * part of a group of split parts has two: its own node is the group's row, and `asPart` the row of the part itself,
 * under it beside the other parts.
 */
export class JobNode {
  readonly kind = 'job';
  constructor(
    readonly name: string,
    readonly asPart = false,
  ) {}
}

export class FileNode {
  readonly kind = 'file';
  constructor(
    readonly parent: JobNode,
    readonly role: 'input' | 'results' | 'errors',
    readonly localPath?: string,
    readonly remoteName?: string,
  ) {}
}

export class FailureNode {
  readonly kind = 'failure';
  constructor(readonly message: string) {}
}

/** One reason a failed or expired job ended (jobProblems.ts), shown under it without hovering. */
export class ProblemNode {
  readonly kind = 'problem';
  constructor(
    readonly parent: JobNode,
    readonly index: number,
    readonly problem: JobProblem,
    readonly severity: 'error' | 'warning',
  ) {}
}

export type JobsNode = GroupNode | JobNode | FileNode | FailureNode | ProblemNode;

export function groupOf(job: BatchJob): JobGroup {
  return isTerminal(job.state) ? 'finished' : 'active';
}

export function hasResults(job: BatchJob, record?: LocalJobRecord): boolean {
  return Boolean(record?.resultsPath) || resultsAvailable(job);
}

export function groupItem(node: GroupNode, count: number): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.group === 'active' ? vscode.l10n.t('Active') : vscode.l10n.t('Finished'),
    vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = `group:${node.group}`;
  item.description = String(count);
  item.contextValue = `group.${node.group}`;
  return item;
}

/**
 * How a job is drawn: on its own; as the row of the group of split parts it leads (`parts` of them: the merge's totals,
 * its reasons shown on its part's row); or as that first part's own row under it (`asPart`: its own counts).
 */
export interface JobRowShape {
  parts?: number;
  asPart?: boolean;
}

export function jobItem(
  job: BatchJob,
  record: LocalJobRecord | undefined,
  now: number,
  shape: JobRowShape = {},
): vscode.TreeItem {
  // An original job with follow-ups shows what its requests came to across them, once merged; a group's first part
  // shown as a part shows its own.
  const view = shape.asPart ? viewOf(job, now) : withMerge(viewOf(job, now), record?.merged);
  const label = shape.parts ? groupLabel(view.label, shape.parts) : view.label;
  // A long name is shortened so the state after it stays in sight; the tooltip has it in full. A failed or expired
  // job opens on its reasons (rows under it), so they are read without hovering; a group's reasons are on its parts.
  const expanded = shape.parts ? false : jobProblems(job).length > 0;
  const item = new vscode.TreeItem(
    rowLabel(label),
    expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `${shape.asPart ? 'part' : 'job'}:${job.name}`;
  item.description = describeLine(job, view);
  item.iconPath = stateIcon(view.stateIcon);
  // A group's row offers what the group allows: Cancel while any part runs (all of them, jobsCommands.ts), Retry once
  // all have ended; its results are the group's merge.
  item.contextValue = `job.${view.group}${hasResults(job, record) ? '.hasResults' : ''}`;
  item.tooltip = jobTooltip(label, view.tooltipRows, record);
  return item;
}

/** Every detail: the core's rows, then where this workspace keeps the job's files. */
function jobTooltip(
  label: string,
  rows: [string, string][],
  record: LocalJobRecord | undefined,
): vscode.MarkdownString {
  const local: [string, string | undefined][] = [
    [vscode.l10n.t('Input file'), record?.inputPath],
    // An errors file that stands as the results (every OpenAI request failed) is named once, as the errors file.
    [vscode.l10n.t('Results file'), record?.resultsPath === record?.errorsPath ? undefined : record?.resultsPath],
    [vscode.l10n.t('Errors file'), record?.errorsPath],
    [vscode.l10n.t('Joined file'), record?.joinedPath],
    [vscode.l10n.t('Estimate at submit'), record?.estimate && estimateWords(record.estimate)],
    [vscode.l10n.t('Cost from results'), record?.actualCost && actualCostWords(record.actualCost)],
  ];
  const md = new vscode.MarkdownString(`**${escape(label)}**\n\n| | |\n|---|---|\n`);
  const filled = [...rows, ...local].filter((row): row is [string, string] => Boolean(row[1]));
  for (const [key, value] of filled.filter(([, v]) => !v.includes('\n'))) {
    md.appendMarkdown(`| ${key} | ${escape(value)} |\n`);
  }
  // A table cell holds one line: a text of several (OpenAI's validation errors) follows the table, a line an item.
  for (const [key, value] of filled.filter(([, v]) => v.includes('\n'))) {
    md.appendMarkdown(
      `\n**${key}**\n\n${value
        .split('\n')
        .map((line) => `- ${escape(line)}`)
        .join('\n')}\n`,
    );
  }
  return md;
}

/** "≈ 3.1M input tokens · ≈ $0.47 at batch price ($0.94 standard)": what the user confirmed at submit. */
function estimateWords(e: NonNullable<LocalJobRecord['estimate']>): string {
  const tokens = vscode.l10n.t(
    '{0} requests · ≈ {1} input tokens',
    e.requests.toLocaleString('en-US'),
    compactCount(e.inputTokens),
  );
  if (e.batchUsd === undefined || e.standardUsd === undefined) {
    return `${tokens} · ${vscode.l10n.t('price unknown')}`;
  }
  // Worded as the confirmation was (estimateText.ts costWords): "< $0.01" for a fraction of a cent.
  return `${tokens} · ${vscode.l10n.t('{0} at batch price ({1} standard)', approxUsd(e.batchUsd), besideUsd(e.standardUsd))}`;
}

/** The results' own usage priced: "≈ $0.45 at batch price", "at most …" when cached tokens were priced as input. */
function actualCostWords(c: NonNullable<LocalJobRecord['actualCost']>): string {
  if (c.pricedRows === 0) {
    return c.unpricedRows ? vscode.l10n.t('price unknown for this model') : vscode.l10n.t('no answered requests');
  }
  const figure = c.upperBound
    ? vscode.l10n.t('at most {0} at batch price', usd(c.batchUsd))
    : vscode.l10n.t('≈ {0} at batch price', usd(c.batchUsd));
  return c.unpricedRows
    ? vscode.l10n.t('{0} ({1} rows without a known price)', figure, String(c.unpricedRows))
    : figure;
}

function escape(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export function fileItem(node: FileNode): vscode.TreeItem {
  const title = { input: vscode.l10n.t('Input'), results: vscode.l10n.t('Results'), errors: vscode.l10n.t('Errors') }[
    node.role
  ];
  const shown = node.localPath ? path.basename(node.localPath) : (node.remoteName ?? '');
  const item = new vscode.TreeItem(`${title}: ${shown}`, vscode.TreeItemCollapsibleState.None);
  item.id = `file:${node.parent.name}:${node.role}`;
  item.contextValue = `file.${node.role}${node.localPath ? '.local' : ''}`;
  item.tooltip = node.localPath ?? node.remoteName;
  // With a resourceUri the tree reads out the bare path; the role comes first, as the label shows it.
  item.accessibilityInformation = { label: `${title}: ${node.localPath ?? shown}` };
  if (node.localPath) {
    const uri = vscode.Uri.file(node.localPath);
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
  } else {
    item.iconPath = new vscode.ThemeIcon(node.role === 'input' ? 'cloud-upload' : 'cloud');
    item.description = node.role === 'input' ? vscode.l10n.t('remote') : vscode.l10n.t('not downloaded');
    if (node.role !== 'input') {
      item.command = {
        command: 'geminiBatch.job.openResults',
        title: vscode.l10n.t('Open Results'),
        arguments: [node.parent.name],
      };
    }
  }
  return item;
}

export function failureItem(node: FailureNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Last refresh failed'), vscode.TreeItemCollapsibleState.None);
  item.id = 'failure';
  item.description = node.message;
  item.tooltip = `${node.message}\n${vscode.l10n.t('The list may be out of date; polling continues with backoff. Click to retry.')}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.command = { command: 'geminiBatch.jobs.refresh', title: vscode.l10n.t('Retry') };
  return item;
}
