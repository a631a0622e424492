import * as vscode from 'vscode';
import { registerCommand } from '../../adapters/errors';
import type { Log } from '../../adapters/log';
import { kindRequests } from '../../core/batchKindWords';
import { copySample, isSampleId, SAMPLE_IDS, type SampleId } from './sampleCopies';

/** The walkthrough's id in package.json (`contributes.walkthroughs`). */
const WALKTHROUGH = 'geminiBatch.gettingStarted';
/** How long "Fix a Mistake" waits for the sample's first diagnostics before it opens the file without the menu. */
const DIAGNOSTICS_WAIT_MS = 10_000;

async function pickSample(): Promise<SampleId | undefined> {
  const labels: Record<SampleId, string> = {
    'gemini-generate': vscode.l10n.t(kindRequests('gemini-generate')),
    'gemini-embed': vscode.l10n.t(kindRequests('gemini-embed')),
    'openai-chat': vscode.l10n.t('OpenAI-format chat completion requests'),
    'with-mistakes': vscode.l10n.t('Common mistakes, each with a problem and most with a quick fix'),
  };
  const pick = await vscode.window.showQuickPick(
    SAMPLE_IDS.map((id) => ({ label: `${id}.jsonl`, detail: labels[id], id })),
    { placeHolder: vscode.l10n.t('Which sample batch file?') },
  );
  return pick?.id;
}

/** Resolves when `uri` has diagnostics (or after `ms`): the first problem to put the cursor on. */
function firstDiagnostic(uri: vscode.Uri, ms: number): Promise<vscode.Diagnostic | undefined> {
  const now = vscode.languages.getDiagnostics(uri);
  if (now.length > 0) {
    return Promise.resolve(now[0]);
  }
  return new Promise((resolve) => {
    const done = (d: vscode.Diagnostic | undefined): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(d);
    };
    const timer = setTimeout(() => done(undefined), ms);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) {
        return;
      }
      const found = vscode.languages.getDiagnostics(uri);
      if (found.length > 0) {
        done(found[0]);
      }
    });
  });
}

/**
 * The getting-started walkthrough's own commands: open a copy of a bundled sample, open the sample of mistakes at
 * its first problem with the quick fix menu, and open the walkthrough itself. Each resolves to what it opened, so
 * tests (and scripts) can follow on.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, deps: { log: Log }): void {
  const open = async (id: SampleId): Promise<vscode.TextEditor> => {
    const uri = await copySample(context.extensionUri, context.globalStorageUri, id);
    deps.log.info(`[walkthrough] opened a copy of sample ${id}: ${uri.fsPath}`);
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  };

  registerCommand(context, deps.log, 'geminiBatch.sample.open', async (arg?: unknown) => {
    const id = isSampleId(arg) ? arg : await pickSample();
    return id ? (await open(id)).document.uri : undefined;
  });

  registerCommand(context, deps.log, 'geminiBatch.sample.fixMistake', async (options?: { showMenu?: boolean }) => {
    const editor = await open('with-mistakes');
    const problem = await firstDiagnostic(editor.document.uri, DIAGNOSTICS_WAIT_MS);
    if (problem) {
      editor.selection = new vscode.Selection(problem.range.start, problem.range.end);
      editor.revealRange(problem.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      if (options?.showMenu ?? true) {
        await vscode.commands.executeCommand('editor.action.quickFix');
      }
    }
    return { uri: editor.document.uri, problem: problem?.code };
  });

  registerCommand(context, deps.log, 'geminiBatch.walkthrough.open', () =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false),
  );
}
