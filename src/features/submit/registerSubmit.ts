import * as path from 'path';
import * as vscode from 'vscode';
import { commandOptions } from '../../adapters/commandOptions';
import { providerFits } from './providerFit';
import { registerCommand } from '../../adapters/errors';
import { BATCH_KINDS, isBatchKind, type BatchKind } from '../../core/batchKind';
import { createAndTrack, modelFor, submitBatch, type SubmitDeps, type SubmitOptions } from './submitFlow';
import { knownUploads, pickUploadedFile, type UploadChoice } from './pickUploadedFile';
import { preflight } from './preflight';
import { registerSubmitCodeLens } from './submitCodeLens';
import { askDisplayName, resolveBatchFile } from './submitPrompts';
import { uploadWithProgress } from './uploadWithProgress';

/** The options argument, or none (the Explorer passes its selection there: adapters/commandOptions.ts). */
function optionsOf<T extends object>(arg: unknown): T {
  return commandOptions<T>(arg) ?? ({} as T);
}

/**
 * `geminiBatch.job.submit` (editor title, explorer menu, CodeLens, palette, or scripted with `(uri, {model,
 * displayName})`), and its two halves `geminiBatch.file.upload` and `geminiBatch.job.create`.
 */
export function registerSubmit(context: vscode.ExtensionContext, deps: SubmitDeps): void {
  const { log } = deps;
  // The last upload of this session, offered first by "Create Batch Job from Uploaded File…".
  const lastUpload: { choice?: UploadChoice } = {};

  registerCommand(context, log, 'geminiBatch.job.submit', async (arg?: unknown, options?: unknown) => {
    const uri = await resolveBatchFile(arg);
    return uri ? submitBatch(deps, uri, optionsOf<SubmitOptions>(options)) : undefined;
  });

  registerCommand(context, log, 'geminiBatch.file.upload', async (arg?: unknown, options?: unknown) => {
    const uri = await resolveBatchFile(arg);
    const summary = uri && (await preflight(uri, log, deps.kindFor));
    if (!uri || !summary) {
      return undefined;
    }
    if (!(await providerFits(deps.config.providerName(), summary.kind, path.basename(uri.fsPath)))) {
      return undefined;
    }
    const displayName = optionsOf<SubmitOptions>(options).displayName ?? (await askDisplayName(uri));
    if (!displayName) {
      return undefined;
    }
    const uploaded = await uploadWithProgress(await deps.jobs.model.provider(), uri, displayName, log);
    lastUpload.choice = { name: uploaded.name, uri, kind: summary.kind };
    log.info(`[submit] uploaded ${uri.fsPath} as ${uploaded.name}`);
    return uploaded.name;
  });

  registerCommand(context, log, 'geminiBatch.job.create', async (fileArg?: unknown, options?: unknown) => {
    const given = optionsOf<SubmitOptions & { kind?: BatchKind }>(options);
    const provider = await deps.jobs.model.provider();
    const known = knownUploads(
      deps.jobs.model.records.all().filter((r) => r.provider === provider.id),
      lastUpload.choice,
    );
    const file =
      typeof fileArg === 'string'
        ? (known.find((c) => c.name === fileArg) ?? { name: fileArg })
        : await pickUploadedFile(provider, known);
    if (!file) {
      return undefined;
    }
    const kind = isBatchKind(given.kind)
      ? given.kind
      : (file.kind ??
        (await vscode.window.showQuickPick([...BATCH_KINDS], {
          placeHolder: vscode.l10n.t('Kind of batch in that file'),
        })));
    if (!isBatchKind(kind)) {
      return undefined;
    }
    const model = await modelFor(deps, provider, kind, file.uri, given.model);
    const displayName =
      given.displayName ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Display name'),
        value: file.uri ? path.basename(file.uri.fsPath).replace(/\.jsonl$/i, '') : file.name,
        ignoreFocusOut: true,
      }));
    if (!model || !displayName) {
      return undefined;
    }
    const job = await createAndTrack(deps, provider, { kind, model, displayName, inputFile: file.name }, file.uri);
    return job.name;
  });

  registerSubmitCodeLens(context, deps.kindFor, deps.onDidChangeKind);
}
