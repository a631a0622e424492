import * as vscode from 'vscode';
import { commandOptions } from '../../adapters/commandOptions';
import { registerCommand } from '../../adapters/errors';
import { rootOf, writeMerged } from './attempts';
import type { ResultsDeps } from './downloadResults';
import { exportResults, type ExportOptions } from './exportCommand';
import type { OutcomeDecorator } from './outcomes/outcomeDecorator';
import { registerOutcomes } from './outcomes/registerOutcomes';
import { resolveResultsTarget } from './resultsTarget';
import { retryFailed, type RetryOptions } from './retryFailed';

/** The options argument, or none (the Explorer passes its selection there: adapters/commandOptions.ts). */
function optionsOf<T extends object>(arg: unknown): T {
  return commandOptions<T>(arg) ?? ({} as T);
}

/**
 * Acting on results: `geminiBatch.results.retryFailed` and `geminiBatch.results.export` (from the palette, a job's
 * context menu, or the results view, which passes its file's URI; scripted with `(target, options)`), the merge of a
 * follow-up's results into its original job's joined file when it ends, and the outcomes on input lines.
 */
export function registerResultActions(context: vscode.ExtensionContext, deps: ResultsDeps): OutcomeDecorator {
  registerCommand(context, deps.log, 'geminiBatch.results.retryFailed', async (arg?: unknown, options?: unknown) => {
    const target = await resolveResultsTarget(deps, arg);
    return target ? retryFailed(deps, target, optionsOf<RetryOptions>(options)) : undefined;
  });

  registerCommand(context, deps.log, 'geminiBatch.results.export', async (arg?: unknown, options?: unknown) => {
    const target = await resolveResultsTarget(deps, arg);
    return target ? exportResults(deps, target, optionsOf<ExportOptions>(options)) : undefined;
  });

  context.subscriptions.push(
    deps.model.onDidFinishJob((job) => {
      const record = deps.model.records.get(job.name);
      if (!record?.retryOf) {
        return;
      }
      const root = rootOf(deps.model.records, job.name);
      // The original's record is updated with the merged joined file: that change is the event to wait for.
      writeMerged(deps, root).then(undefined, (error: unknown) =>
        deps.log.warn(
          `[results] merging the attempts of ${root} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }),
  );

  return registerOutcomes(context, deps);
}
