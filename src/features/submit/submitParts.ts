import * as path from 'path';
import * as vscode from 'vscode';
import { commandOptions } from '../../adapters/commandOptions';
import { modelServed, providerFits } from './providerFit';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { detectFileKind, partSource } from '../../core/split';
import { openaiBatchHead } from '../../core/jobs/jobInput';
import type { JobsFeature } from '../jobs/registerJobs';
import { preselectModel } from './modelChoice';
import type { SubmitDeps } from './submitFlow';
import { pickModel } from './submitPrompts';
import { succeededSubmission } from '../../core/jobs/submitHistory';
import { confirmResubmit } from './resubmitWarning';
import { halfGroupText, refuseStaleParts } from './partsGuard';
import type { PartStamp } from '../../core/split';
import { earlierParts } from '../../core/split/earlierParts';

export const SUBMIT_PARTS_COMMAND = 'geminiBatch.job.submitParts';

interface PartsOptions {
  /** The unsplit file the parts come from: the group's requests, which its merged results are joined to. */
  source?: string;
  model?: string;
  displayName?: string;
  /** Each part's size and time as its split wrote it (splitCommand.ts): a part that differs refuses the group. */
  stamps?: PartStamp[];
}

function isUriList(value: unknown): value is vscode.Uri[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof vscode.Uri);
}

/**
 * From the palette or the Explorer (a file, or none: the active editor's), the parts now beside that file or beside
 * the file it is a part of, so a group can be sent after its split's notification is gone. Undefined, said, when
 * there are none.
 */
async function partsOfFile(arg: unknown): Promise<{ parts: vscode.Uri[]; source: string } | undefined> {
  const file = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (file?.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a split batch file or one of its parts first.'));
    return undefined;
  }
  const source = partSource(file.fsPath);
  const parts = await earlierParts(source);
  if (parts.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} has no parts beside it: use Split into Parts first.', path.basename(source)),
    );
    return undefined;
  }
  return { parts: parts.map((p) => vscode.Uri.file(p)), source };
}

/**
 * Submits the parts of a split file as one group: each part is its own job (`geminiBatch.job.submit`, scripted, so
 * the model, the display name and the cost are asked once for all: "Submit 50,010 requests in 6 parts to …?"),
 * named "<name> · part i/n". Passed a model or a display name, it is scripted and asks no cost, as submit does. The first part leads: its
 * record carries `groupSource`, the others `retryOf` it, so the tree shows the parts under the first and its merged
 * results are the whole source's requests joined with the answers of every part (features/results/attempts.ts).
 * Resolves to the jobs' names in part order; stops at the first part that is not submitted (what was sent stays, and
 * a message says which parts are jobs and which are not). Parts that are not what the split wrote are refused first.
 */
export function registerSubmitParts(
  context: vscode.ExtensionContext,
  deps: { log: Log; jobs: JobsFeature } & Pick<SubmitDeps, 'config' | 'confirmCost' | 'models'>,
): void {
  registerCommand(
    context,
    deps.log,
    SUBMIT_PARTS_COMMAND,
    async (arg?: unknown, raw?: unknown): Promise<string[] | undefined> => {
      const found = isUriList(arg) ? { parts: arg, source: undefined } : await partsOfFile(arg);
      if (!found) {
        return undefined;
      }
      const parts = found.parts;
      const options: PartsOptions = commandOptions<PartsOptions>(raw) ?? {};
      const source = options.source ?? found.source ?? partSource(parts[0].fsPath);
      // First of all, scripted or not: nothing is asked, uploaded or created for a group whose parts are stale.
      const stamps = await refuseStaleParts(parts, source, options.stamps, SUBMIT_PARTS_COMMAND);
      const kind = await detectFileKind(parts[0].fsPath);
      const providerId = deps.config.providerName();
      if (!(await providerFits(providerId, kind, path.basename(source)))) {
        return undefined;
      }
      const scripted = options.model !== undefined || options.displayName !== undefined;
      // Asked once for the group (the validator allows one model per file; the parts come from one file).
      const named = kind === 'openai' ? (await openaiBatchHead(parts[0].fsPath)).model : undefined;
      if (!(await modelServed(providerId, named, path.basename(source), scripted, deps.log))) {
        return undefined;
      }
      const provider = await deps.jobs.model.provider();
      // As a single submit does (resubmitWarning.ts): the first part that already has a succeeded job is said, once.
      const records = deps.jobs.model.records.all();
      const state = (name: string) => deps.jobs.model.get(name)?.state;
      const earlier = scripted ? undefined : parts.find((part) => succeededSubmission(records, part.fsPath, state));
      if (earlier && !(await confirmResubmit(deps.jobs, earlier))) {
        return undefined;
      }
      // OpenAI-format lines name their model; Gemini lines need one, asked once for every part, starting on the one
      // chosen for a part or for the unsplit file.
      const inputs = [...parts, vscode.Uri.file(source)];
      const model =
        options.model ??
        (kind === 'openai'
          ? undefined
          : await pickModel(provider, kind, await preselectModel(deps, provider, kind, inputs)));
      if (kind !== 'openai' && !model) {
        return undefined;
      }
      if (model && !options.model) {
        parts.forEach((part) => deps.models?.choose(part, model));
      }
      const displayName =
        options.displayName ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Submit {0} parts as one group', parts.length.toLocaleString('en-US')),
          prompt: vscode.l10n.t('Display name (each job gets "· part i/n")'),
          value: path.basename(source, '.jsonl'),
        }));
      if (displayName === undefined) {
        return undefined;
      }
      const priced =
        model ?? (await openaiBatchHead(parts[0].fsPath)).model ?? vscode.l10n.t('the model its lines name');
      const decision =
        !scripted && deps.confirmCost
          ? await deps.confirmCost(parts, { model: priced, provider: provider.id })
          : undefined;
      if (decision && !decision.go) {
        return undefined;
      }
      // Again after the prompts: a split of the same file may have run while they were up.
      await refuseStaleParts(parts, source, stamps, SUBMIT_PARTS_COMMAND);
      const names: string[] = [];
      for (const [index, part] of parts.entries()) {
        let name: string | undefined;
        let reason: string | undefined;
        try {
          // The part's own submit shows its failure and resolves to undefined; a throw is said here.
          name = await vscode.commands.executeCommand<string | undefined>('geminiBatch.job.submit', part, {
            model,
            displayName: `${displayName} · part ${index + 1}/${parts.length}`,
          });
        } catch (error) {
          reason = error instanceof Error ? error.message : String(error);
        }
        if (!name) {
          // Never an unexplained half-group: which parts are jobs now, and which were not sent.
          const text = halfGroupText(parts, names, index, reason);
          deps.log.warn(`[submit] ${text}`);
          void vscode.window.showErrorMessage(text);
          break;
        }
        const record = deps.jobs.model.records.get(name);
        const share = decision?.estimates?.[index];
        if (record) {
          await deps.jobs.model.records.upsert({
            ...record,
            ...(index === 0 ? { groupSource: source } : { retryOf: names[0], attempt: 0 }),
            // Each part's own share of the confirmed estimate, for its tooltip (as a single submit keeps it).
            ...(share && {
              estimate: {
                requests: share.requests,
                inputTokens: share.inputTokens,
                batchUsd: share.costBatch,
                standardUsd: share.costStandard,
              },
            }),
          });
        }
        names.push(name);
      }
      deps.log.info(`[submit] group of ${parts.length} parts of ${source}: ${names.join(', ')}`);
      return names;
    },
  );
}
