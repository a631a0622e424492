import * as vscode from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { firstRequestLine, geminiLineModel } from '../../core/jobs/batchHead';
import { preferredModel, type ModelSource } from '../../core/jobs/submitHistory';
import type { BatchProvider } from '../../core/providers/types';
import type { ModelChoices } from '../estimate/modelChoices';
import type { JobsFeature } from '../jobs/registerJobs';

/** The model the submit picker starts on, and why (shown beside it). */
export interface Preselected {
  model: string;
  why: string;
}

function because(source: ModelSource): string {
  switch (source) {
    case 'chosen':
      return vscode.l10n.t('last chosen for this file');
    case 'fileSubmit':
      return vscode.l10n.t('last submitted from this file');
    case 'fileLines':
      return vscode.l10n.t('named in this file');
    case 'workspaceSubmit':
      return vscode.l10n.t('last submitted from this workspace');
  }
}

/**
 * What the model picker preselects for `input` (core/jobs/submitHistory.ts: preferredModel): a quick Enter must
 * submit at the model the user priced the file at, not at the list's first entry. The files' own model is read from
 * their first request line (a Gemini line may name `request.model`). `inputs` beyond the first are the other parts
 * of a group, or the unsplit source they came from: a choice made for any of them counts.
 */
export async function preselectModel(
  deps: { jobs: JobsFeature; models?: ModelChoices },
  provider: BatchProvider,
  kind: BatchKind,
  inputs: readonly vscode.Uri[],
): Promise<Preselected | undefined> {
  const [input] = inputs;
  if (!input) {
    return undefined;
  }
  const chosen = inputs.map((uri) => deps.models?.chosen(uri)).find((m) => m !== undefined);
  const fileModel = geminiLineModel(await firstRequestLine(input.fsPath).catch(() => ''));
  const records = deps.jobs.model.records.all();
  const preferred = preferredModel(
    records,
    { inputPath: input.fsPath, provider: provider.id, kind },
    { chosen, fileModel },
  );
  return preferred && { model: preferred.model, why: because(preferred.source) };
}
