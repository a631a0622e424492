import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelChoices } from '../estimate/modelChoices';
import { modelServed, providerFits } from './providerFit';
import type { CostDecision } from '../estimate/registerEstimate';
import type { SubmitTarget } from '../estimate/estimateText';
import type { Config } from '../../adapters/config';
import type { Log } from '../../adapters/log';
import { safeCreate, type SafeCreateEvent } from '../../core/jobs/safeCreate';
import type { BatchKind } from '../../core/batchKind';
import type { BatchJob, BatchProvider, CreateJobRequest } from '../../core/providers/types';
import type { JobsFeature } from '../jobs/registerJobs';
import { inlineLines, openaiBatchHead } from '../../core/jobs/jobInput';
import { preflight, type KindResolver } from './preflight';
import { preselectModel } from './modelChoice';
import { confirmResubmit } from './resubmitWarning';
import { askDisplayName, pickModel } from './submitPrompts';
import { uploadWithProgress } from './uploadWithProgress';

export interface SubmitDeps {
  log: Log;
  config: Config;
  jobs: JobsFeature;
  /** The kind the editor validates a file with (override → setting → 'auto'). */
  kindFor: KindResolver;
  /** Fires when a file's kind override changes (the CodeLens re-decides which files are batch files). */
  onDidChangeKind?: vscode.Event<unknown>;
  /**
   * Asks "Submit N requests to <model> (<provider>): ≈ … input tokens, ≈ $… at batch price ($… standard)?", once
   * for all the files given (a group of parts); `go` false stops the submit.
   */
  confirmCost?: (uris: readonly vscode.Uri[], target: SubmitTarget) => Promise<CostDecision>;
  /** The model chosen for a file this session (the estimate lens's pick): the picker starts on it, and keeps it. */
  models?: ModelChoices;
}

/** Passing both makes `submit` ask nothing (keybindings, scripts, tests). */
export interface SubmitOptions {
  model?: string;
  displayName?: string;
}

/**
 * Validate → (a succeeded job of this file: submit again?) → model → display name → cost → upload (or inline) →
 * create (never blindly retried) → remember → reveal.
 * Resolves to the created job's name, or undefined when refused or dismissed.
 */
export async function submitBatch(
  deps: SubmitDeps,
  uri: vscode.Uri,
  options: SubmitOptions = {},
): Promise<string | undefined> {
  const summary = await preflight(uri, deps.log, deps.kindFor);
  if (!summary) {
    return undefined;
  }
  // A scripted submit (options passed: an OpenAI file names its own model, so a display name alone scripts it) asks
  // nothing; an interactive one (CodeLens, menus, palette pass no options) is warned of a duplicate and sees the
  // estimate first.
  const scripted = options.model !== undefined || options.displayName !== undefined;
  if (!scripted && !(await confirmResubmit(deps.jobs, uri))) {
    return undefined;
  }
  // Before anything is asked or uploaded, and before the provider is made (which needs its key).
  const providerId = deps.config.providerName();
  if (!(await providerFits(providerId, summary.kind, path.basename(uri.fsPath)))) {
    return undefined;
  }
  // An OpenAI file names its model: one the provider is known not to serve is said before the upload.
  const named = summary.kind === 'openai' ? (await openaiBatchHead(uri.fsPath)).model : undefined;
  if (!(await modelServed(providerId, named, path.basename(uri.fsPath), scripted, deps.log))) {
    return undefined;
  }
  const provider = await deps.jobs.model.provider();
  const model = await modelFor(deps, provider, summary.kind, uri, options.model);
  if (!model) {
    return undefined;
  }
  const displayName = options.displayName ?? (await askDisplayName(uri));
  if (!displayName) {
    return undefined;
  }
  const decision =
    !scripted && deps.confirmCost ? await deps.confirmCost([uri], { model, provider: provider.id }) : undefined;
  if (decision && !decision.go) {
    return undefined;
  }

  const request: CreateJobRequest = { kind: summary.kind, model, displayName };
  const inline = await inlineLines(provider, uri.fsPath, summary.kind, deps.config.inlineMaxMB());
  if (inline) {
    request.inlineLines = inline;
  } else {
    const uploaded = await uploadWithProgress(provider, uri, displayName, deps.log);
    deps.log.info(`[submit] uploaded ${uri.fsPath} as ${uploaded.name}`);
    request.inputFile = uploaded.name;
  }
  const job = await createAndTrack(deps, provider, request, uri);
  const estimate = decision?.estimate;
  const record = deps.jobs.model.records.get(job.name);
  if (estimate && record) {
    const { requests, inputTokens, costBatch: batchUsd, costStandard: standardUsd } = estimate;
    await deps.jobs.model.records.upsert({ ...record, estimate: { requests, inputTokens, batchUsd, standardUsd } });
  }
  return job.name;
}

/**
 * The job's model. An OpenAI file names it itself (`body.model` of every line; the validator allows one model per
 * file), so it is read from the first request line and never asked for: the service runs that model whatever we
 * say, and the job's record must carry the real one. A scripted `model` is therefore ignored for OpenAI files (logged
 * when it differs). Gemini batches take the scripted model or ask (starting on the file's preselected model,
 * modelChoice.ts); so does an OpenAI file with no local copy.
 */
export async function modelFor(
  deps: Pick<SubmitDeps, 'log' | 'jobs' | 'models'>,
  provider: BatchProvider,
  kind: BatchKind,
  input: vscode.Uri | undefined,
  given: string | undefined,
): Promise<string | undefined> {
  const named = kind === 'openai' && input ? (await openaiBatchHead(input.fsPath)).model : undefined;
  if (!named) {
    if (given !== undefined) {
      return given;
    }
    const picked = await pickModel(provider, kind, input && (await preselectModel(deps, provider, kind, [input])));
    if (picked && input) {
      // The lens re-prices at it, and the next submit of this file starts on it.
      deps.models?.choose(input, picked);
    }
    return picked;
  }
  if (given !== undefined && given !== named) {
    deps.log.info(`[submit] the file names model ${named}; the model ${given} passed in is ignored`);
  }
  return named;
}

/** Creates the job through safeCreate, records it for this workspace, shows it in the tree and starts polling. */
export async function createAndTrack(
  deps: SubmitDeps,
  provider: BatchProvider,
  request: CreateJobRequest,
  input?: vscode.Uri,
): Promise<BatchJob> {
  if (request.kind === 'openai' && !request.endpoint && input) {
    request.endpoint = (await openaiBatchHead(input.fsPath)).endpoint;
  }
  const { model, view, tree } = deps.jobs;
  const { job, adopted } = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Creating batch job "{0}" ({1})', request.displayName, String(request.model)),
    },
    () =>
      safeCreate(provider, request, {
        knownJobNames: new Set(model.jobs().map((j) => j.name)),
        onEvent: (event) => deps.log.info(`[submit] create: ${describeEvent(event)}`),
      }),
  );
  deps.log.info(
    `[submit] created ${job.name} (${request.kind}, ${request.model})${adopted ? ' (found after an ambiguous failure)' : ''}`,
  );
  await model.records.upsert({
    jobName: job.name,
    provider: provider.id,
    inputPath: input?.fsPath,
    uploadedFile: request.inputFile,
    model: request.model,
    kind: request.kind,
    displayName: request.displayName,
    createdAt: job.createTime ?? new Date().toISOString(),
  });
  model.upsert(job);
  // Revealing needs the view's container open; when it is not, the job is still in the model and the tree.
  view.reveal(tree.nodeFor(job.name), { select: true, focus: false }).then(undefined, (error: unknown) => {
    deps.log.debug(`[submit] could not reveal ${job.name}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return job;
}

function describeEvent(event: SafeCreateEvent): string {
  switch (event.type) {
    case 'attempt':
      return `attempt ${event.attempt}`;
    case 'ambiguous':
      return `attempt ${event.attempt} failed ambiguously (${event.error.kind}); checking the list before any retry`;
    case 'adopted':
      return `the failed attempt had created ${event.job.name}`;
    case 'retryAfter':
      return `rate limited; retrying in ${event.ms} ms`;
  }
}
