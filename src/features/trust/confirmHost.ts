import * as vscode from 'vscode';

/** Asks whether the API key may go to `host` (origin `origin`, set by the workspace's `setting`); true means yes. */
export type ConfirmHost = (host: string, origin: string, setting: string) => Promise<boolean>;

/**
 * The modal dialog: it names the host in its title, says which setting of this workspace points there, and that the
 * answer is remembered for that host. Dismissing it is a "no".
 */
export const confirmHostInModal: ConfirmHost = async (host, origin, setting) => {
  const use = `Send Key to ${host}`;
  const choice = await vscode.window.showWarningMessage(
    `This workspace wants to send your API key to ${host}.`,
    {
      modal: true,
      detail: `${setting} is set to ${origin} by this workspace's settings, not by you. Batch requests carry your API key, so only continue if you trust ${host}. You are asked once per host.`,
    },
    use,
  );
  return choice === use;
};
