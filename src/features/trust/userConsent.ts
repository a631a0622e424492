import * as vscode from 'vscode';

// What the user is asked and told about where batch requests may go: the host confirmation and Restricted Mode.

/** Asks whether the API key may go to `host` (origin `origin`, set by the workspace's `setting`); true means yes. */
export type ConfirmHost = (host: string, origin: string, setting: string) => Promise<boolean>;

/**
 * The modal dialog: it names the host in its title, says which setting of this workspace points there, and that the
 * answer is remembered for that host. Dismissing it is a "no".
 */
export const confirmHostInModal: ConfirmHost = async (host, origin, setting) => {
  const use = vscode.l10n.t('Send Key to {0}', host);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('This workspace wants to send your API key to {0}.', host),
    {
      modal: true,
      detail: vscode.l10n.t(
        "{0} is set to {1} by this workspace's settings, not by you. Batch requests carry your API key, so only continue if you trust {2}. You are asked once per host.",
        setting,
        origin,
        host,
      ),
    },
    use,
  );
  return choice === use;
};

/**
 * What a job command says in Restricted Mode: why it is off and how to turn it on. The command then ends as
 * cancelled (quiet in the command boundary): this is a choice the user made, not a failure to report.
 */
export function explainRestrictedMode(): never {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        "Batch jobs are off in Restricted Mode: this workspace's settings could send your API key to another host. Trust the workspace to submit, list and download jobs; validation and completion keep working.",
      ),
      manage,
    )
    .then((choice) => {
      if (choice === manage) {
        void vscode.commands.executeCommand('workbench.trust.manage');
      }
    });
  throw new vscode.CancellationError();
}

/** Whether `provider` needs the network and the workspace is not trusted (the emulator runs on loopback, keyless). */
export function isRestricted(provider: string): boolean {
  return provider !== 'emulator' && !vscode.workspace.isTrusted;
}
