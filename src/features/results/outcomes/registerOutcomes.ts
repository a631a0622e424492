import * as vscode from 'vscode';
import { registerCommand } from '../../../adapters/errors';
import type { ResultsDeps } from '../downloadResults';
import { OutcomeDecorator } from './outcomeDecorator';
import { outcomeFilesFor } from './outcomeSource';

/**
 * The outcomes on input lines: `geminiBatch.results.showOutcomes` turns them on or off, and
 * `geminiBatch.results.toggleOutcomes` flips that setting. Re-rendered when the visible editors or their scroll
 * position change, when a document changes (keys may have been edited), and when job records change (new results).
 */
export function registerOutcomes(context: vscode.ExtensionContext, deps: ResultsDeps): OutcomeDecorator {
  const decorator = new OutcomeDecorator(
    (fsPath) => outcomeFilesFor(fsPath, deps.model.records, deps.config),
    () => deps.config.showOutcomes(),
    (error) =>
      deps.log.warn(`[results] outcomes on input lines: ${error instanceof Error ? error.message : String(error)}`),
  );
  const renderAll = (): void => vscode.window.visibleTextEditors.forEach((editor) => decorator.render(editor));
  context.subscriptions.push(
    decorator,
    vscode.window.onDidChangeVisibleTextEditors(renderAll),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => decorator.render(textEditor)),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach((e) => decorator.render(e));
    }),
    deps.model.records.onDidChange(() => {
      decorator.invalidate();
      renderAll();
    }),
    deps.config.onDidChange(['results.showOutcomes', 'results.folder'], renderAll),
  );
  registerCommand(context, deps.log, 'geminiBatch.results.toggleOutcomes', async () => {
    const next = !deps.config.showOutcomes();
    await deps.config.setShowOutcomes(next);
    return next;
  });
  renderAll();
  return decorator;
}
