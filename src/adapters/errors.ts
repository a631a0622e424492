import * as vscode from 'vscode';
import { BatchApiError } from '../core/providers/types';
import type { Log } from './log';

/** A command the message about a failure offers as a button, the way out of it (e.g. "Set API Key…"). */
export interface ErrorAction {
  /** The button's label, localized. */
  title: string;
  command: string;
  arguments?: unknown[];
}

/** A failure whose message is already written for people (e.g. "no file to submit"), with its way out if any. */
export class UserFacingError extends Error {
  readonly kind = 'user';
  constructor(
    message: string,
    readonly action?: ErrorAction,
  ) {
    super(message);
  }
}

/** True for the ways an operation reports that the user (or a dispose) cancelled it: those stay silent. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof vscode.CancellationError) {
    return true;
  }
  if (error instanceof BatchApiError) {
    return error.kind === 'cancelled';
  }
  return error instanceof Error && error.name === 'AbortError';
}

/** One sentence per failure kind; only `invalid` and unknown errors quote the service, scrubbed. */
export function describeError(error: unknown, scrub: (text: string) => string): string {
  if (error instanceof UserFacingError) {
    return scrub(error.message);
  }
  if (error instanceof BatchApiError) {
    switch (error.kind) {
      case 'auth':
        return vscode.l10n.t('The API key was rejected. Set a valid one with "Set API Key…".');
      case 'rateLimit':
        return vscode.l10n.t('The batch service is rate limiting requests. Try again in a moment.');
      case 'notFound':
        return vscode.l10n.t('The batch service does not know this job or file (deleted or expired?).');
      case 'invalid':
        return vscode.l10n.t('The batch service rejected the request: {0}', scrub(error.message));
      case 'server':
        return vscode.l10n.t('The batch service had an internal error. Try again later.');
      case 'unsupported':
        return vscode.l10n.t('This provider does not support that operation.');
      case 'network':
        return vscode.l10n.t('The batch service could not be reached. Check the provider and base URL settings.');
      default:
        return vscode.l10n.t('The batch service failed: {0}', scrub(error.message));
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return vscode.l10n.t('Unexpected error: {0}', scrub(message));
}

/**
 * The boundary every command runs inside: failures are logged (scrubbed) and shown once with "Show Logs";
 * cancellation is silent. Resolves to the handler's result, or undefined when it failed.
 */
export async function runCommand<T>(log: Log, id: string, run: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isCancellation(error)) {
      log.info(`[${id}] cancelled`);
      return undefined;
    }
    log.error(`[${id}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // Not awaited: the command must not wait for the user to dismiss the message. The clicked button comes back as
    // its localized label, so it is compared with the same string.
    const showLogs = vscode.l10n.t('Show Logs');
    const action = error instanceof UserFacingError ? error.action : undefined;
    const buttons = action ? [action.title, showLogs] : [showLogs];
    void vscode.window
      .showErrorMessage(
        describeError(error, (t) => log.scrub(t)),
        ...buttons,
      )
      .then((choice) => {
        if (choice === showLogs) {
          log.show();
        } else if (action && choice === action.title) {
          void vscode.commands.executeCommand(action.command, ...(action.arguments ?? []));
        }
      });
    return undefined;
  }
}

/** Registers `id` through `runCommand` and gives the registration to `context.subscriptions`. */
export function registerCommand<A extends unknown[], T>(
  context: vscode.ExtensionContext,
  log: Log,
  id: string,
  handler: (...args: A) => Promise<T> | T,
): void {
  context.subscriptions.push(commandWithBoundary(log, id, handler));
}

/** Registers `id` through `runCommand` and returns the registration, for a feature that bundles its disposables. */
export function commandWithBoundary<A extends unknown[], T>(
  log: Log,
  id: string,
  handler: (...args: A) => Promise<T> | T,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, (...args: unknown[]) =>
    runCommand(log, id, () => handler(...(args as A))),
  );
}
