import * as vscode from 'vscode';
import { registerCommand, UserFacingError } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { endedBeforeCancel, showCancelled } from '../../core/jobs/afterCancel';
import { isTerminal, type JobState } from '../../core/providers/types';
import { groupName } from '../../core/jobs/jobRow';
import { asksFirst, confirmCancel, confirmCancelGroup } from './confirmJobAction';
import { stateLabel } from './jobPresentation';
import type { JobsModel } from './jobsModel';
import type { JobsNode } from './jobTreeItems';
import type { JobsTreeDataProvider } from './jobsTreeDataProvider';

/** A job command's target: a tree node, a job name (scripts, tests, notifications), or asked for. */
export async function resolveJobName(model: JobsModel, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') {
    return arg;
  }
  const node = arg as JobsNode | undefined;
  if (node?.kind === 'job') {
    return node.name;
  }
  if (node?.kind === 'file') {
    return node.parent.name;
  }
  const pick = await vscode.window.showQuickPick(
    model.jobs().map((job) => ({ label: job.displayName || job.name, description: job.state, name: job.name })),
    { placeHolder: vscode.l10n.t('Which batch job?') },
  );
  return pick?.name;
}

/** Says why Cancel did nothing; resolves to undefined, as no job was cancelled. */
function nothingToCancel(label: string, state: JobState): undefined {
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0} has already ended ({1}): nothing to cancel.', label, stateLabel(state)),
  );
  return undefined;
}

/**
 * Cancels every part of a group that has not ended, after one question; resolves to the parts asked to stop. Each
 * part's state then comes from the polls, as a single cancel's does.
 */
async function cancelGroup(
  deps: { log: Log; model: JobsModel },
  members: readonly string[],
  ask: boolean,
): Promise<string[] | undefined> {
  const { log, model } = deps;
  const running = members.filter((name) => {
    const state = model.get(name)?.state;
    return state !== undefined && !isTerminal(state);
  });
  const label = groupName(model.get(members[0])?.displayName || members[0]);
  if (running.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every part of "{0}" has already ended: nothing to cancel.', label),
    );
    return undefined;
  }
  if (ask && !(await confirmCancelGroup(label, running.length, members.length))) {
    return undefined;
  }
  const provider = await model.provider();
  for (const name of running) {
    await provider.cancelJob(name);
    log.info(`[jobs] cancel requested for ${name} (group ${members[0]})`);
  }
  model.pollSoon();
  return running;
}

/** Cancel, delete, copy name, show and refresh: small handlers that delegate to the model. */
export function registerJobsCommands(
  context: vscode.ExtensionContext,
  deps: { log: Log; model: JobsModel; tree: JobsTreeDataProvider; view: vscode.TreeView<JobsNode> },
): void {
  const { log, model, tree, view } = deps;

  registerCommand(context, log, 'geminiBatch.jobs.refresh', async () => {
    await model.reload();
    return model.state;
  });

  registerCommand(context, log, 'geminiBatch.job.cancel', async (arg?: unknown, options?: { confirmed?: boolean }) => {
    // A group's row stands for all its parts (groupJob.ts): Cancel there stops every part still running.
    const members = arg && typeof arg === 'object' ? tree.groupMembers(arg as JobsNode) : undefined;
    if (members) {
      return cancelGroup(deps, members, asksFirst(arg, options));
    }
    const name = await resolveJobName(model, arg);
    if (!name) {
      return undefined;
    }
    // A paid job's cancel cannot be undone, so a click asks first; a script naming the job has already decided.
    if (asksFirst(arg, options) && !(await confirmCancel(model.get(name)?.displayName || name))) {
      return undefined;
    }
    const label = model.get(name)?.displayName || name;
    const ended = endedBeforeCancel(model.get(name)?.state, false);
    if (ended) {
      return nothingToCancel(label, ended);
    }
    const provider = await model.provider();
    await provider.cancelJob(name);
    log.info(`[jobs] cancel requested for ${name}`);
    const kind = model.get(name)?.kind ?? model.records.get(name)?.kind;
    const after = await showCancelled(provider, name, kind, {
      upsert: (job) => model.upsert(job),
      pollSoon: () => model.pollSoon(),
      warn: (t) => log.warn(t),
    });
    // The service may accept a cancel of an ended job and change nothing: silence would look like a lost click.
    const endedFirst = endedBeforeCancel(after?.state, true);
    return endedFirst ? nothingToCancel(after?.displayName || label, endedFirst) : name;
  });

  registerCommand(context, log, 'geminiBatch.job.delete', async (arg?: unknown, options?: { confirmed?: boolean }) => {
    const name = await resolveJobName(model, arg);
    if (!name) {
      return false;
    }
    const provider = await model.provider();
    if (provider.capabilities?.deleteJob === false) {
      throw new UserFacingError(vscode.l10n.t('This provider cannot delete batch jobs; cancel it instead.'));
    }
    if (!options?.confirmed) {
      const label = model.get(name)?.displayName || name;
      const remove = vscode.l10n.t('Delete');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Delete batch job "{0}"?', label),
        {
          modal: true,
          detail: vscode.l10n.t('The job and its metadata are removed from the service. Downloaded files stay.'),
        },
        remove,
      );
      if (choice !== remove) {
        return false;
      }
    }
    await provider.deleteJob(name);
    log.info(`[jobs] deleted ${name}`);
    model.remove(name);
    await model.records.remove(name);
    return true;
  });

  registerCommand(context, log, 'geminiBatch.job.copyName', async (arg?: unknown) => {
    const name = await resolveJobName(model, arg);
    if (name) {
      await vscode.env.clipboard.writeText(name);
    }
    return name;
  });

  registerCommand(context, log, 'geminiBatch.job.show', async (arg?: unknown) => {
    const name = await resolveJobName(model, arg);
    if (!name || !model.get(name)) {
      return false;
    }
    await view.reveal(tree.nodeFor(name), { select: true, focus: true, expand: true });
    return true;
  });
}
