import * as vscode from 'vscode';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import { droppedOverrideText, readOverrides } from '../../core/pricing/priceOverrides';

/**
 * Says when an entry of `geminiBatch.pricing.overrides` is left out (a missing `input`, a typo such as `batchOuput`):
 * otherwise the estimate silently keeps the built-in price. Checked at start and on each change of the setting; each
 * distinct problem is logged and shown once per session (a warning that repeats on every keystroke in settings.json
 * would be noise), and a fixed entry clears it so the same typo made again is reported again.
 */
export class OverrideWarnings implements vscode.Disposable {
  private shown = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly config: Config,
    private readonly log: Log,
  ) {
    this.subscription = config.onDidChange(['pricing.overrides'], () => void this.check());
  }

  /** The problems found now (tests read them); each new one is logged and shown. */
  async check(): Promise<string[]> {
    const problems = readOverrides(this.config.priceOverrides()).dropped.map(droppedOverrideText);
    const fresh = problems.filter((p) => !this.shown.has(p));
    this.shown = new Set(problems);
    if (fresh.length === 0) {
      return problems;
    }
    for (const problem of fresh) {
      this.log.warn(`[pricing] geminiBatch.pricing.overrides entry ignored: ${problem}`);
    }
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'A price override is ignored (the built-in price is used): {0}. Each entry needs "input" and "output" (USD per 1M tokens).',
          fresh.join('; '),
        ),
        open,
      )
      .then((choice) =>
        choice === open
          ? vscode.commands.executeCommand('workbench.action.openSettings', 'geminiBatch.pricing.overrides')
          : undefined,
      );
    return problems;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
