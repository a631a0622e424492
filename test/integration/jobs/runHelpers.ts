import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import type { JobNotice } from '../../../src/features/jobs/jobNotifier';
import { activateExtension, fixtureUri } from '../helpers/extension';

/** The extension's test API (what activate() returns). */
export async function batchApi(): Promise<GeminiBatchApi> {
  const ext = await activateExtension();
  const api = ext.exports as GeminiBatchApi | undefined;
  assert.ok(api && typeof api.logLines === 'function', 'activate() must return the test API');
  return api;
}

/**
 * Resolves with `check()`'s first truthy value, re-checking whenever one of `events` fires; rejects after
 * `timeoutMs` with `what` in the message. No fixed sleeps: only events move the test on.
 */
export function until<T>(
  what: string,
  check: () => T | undefined | false,
  events: vscode.Event<unknown>[],
  timeoutMs = 15000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (fn: () => void): void => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      fn();
    };
    const probe = (): void => {
      let value: T | undefined | false;
      try {
        value = check();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value) {
        finish(() => resolve(value as T));
      }
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))),
      timeoutMs,
    );
    for (const event of events) {
      subscriptions.push(event(probe));
    }
    probe();
  });
}

type SettingValue = string | number | boolean | Record<string, unknown> | undefined;

/** Sets settings for a test and puts the previous values back in `restore()`. */
export class SettingsScope {
  private readonly saved: { key: string; target: vscode.ConfigurationTarget; value: SettingValue }[] = [];

  async set(key: string, value: SettingValue, target = vscode.ConfigurationTarget.Workspace): Promise<void> {
    const config = vscode.workspace.getConfiguration('geminiBatch');
    const inspected = config.inspect<SettingValue>(key);
    const previous = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
    this.saved.push({ key, target, value: previous });
    await config.update(key, value, target);
  }

  async restore(): Promise<void> {
    const config = vscode.workspace.getConfiguration('geminiBatch');
    for (const { key, target, value } of this.saved.reverse()) {
      await config.update(key, value, target);
    }
    this.saved.length = 0;
  }
}

/** Every job the emulator holds (Gemini list call, all pages): the ground truth for "no duplicate job". */
export async function emulatorJobNames(baseUrl: string): Promise<string[]> {
  const names: string[] = [];
  let pageToken = '';
  for (let page = 0; page < 50; page++) {
    const url = `${baseUrl}/v1beta/batches?pageSize=100${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    let response = await fetch(url, { headers: { 'x-goog-api-key': 'test-listing-key' } });
    // Injected faults hit this call too; they are random per request, so asking again is enough.
    for (let attempt = 0; attempt < 20 && [429, 500, 503].includes(response.status); attempt++) {
      response = await fetch(url, { headers: { 'x-goog-api-key': 'test-listing-key' } });
    }
    assert.equal(response.status, 200, `listing the emulator's jobs answered ${response.status}`);
    const body = (await response.json()) as {
      operations?: { name: string }[];
      batches?: { name: string }[];
      nextPageToken?: string;
    };
    names.push(...(body.operations ?? body.batches ?? []).map((op) => op.name));
    if (!body.nextPageToken) {
      break;
    }
    pageToken = body.nextPageToken;
  }
  return names;
}

/** Replaces the emulator's fault settings through its admin endpoint. */
export async function setFaults(baseUrl: string, faults: Record<string, number | boolean>): Promise<void> {
  const response = await fetch(`${baseUrl}/emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  assert.equal(response.status, 200, `setting faults answered ${response.status}`);
}

/**
 * Restarts the extension's emulator with `jobSeconds` and fast polling, selects it as the provider, shows the jobs
 * view (polling pauses while the window is unfocused and the view hidden) and waits for the first listing.
 */
export async function useEmulator(api: GeminiBatchApi, settings: SettingsScope, jobSeconds: number): Promise<string> {
  await settings.set('emulator.jobSeconds', jobSeconds, vscode.ConfigurationTarget.Global);
  await settings.set('jobs.pollMinSeconds', 0.2);
  await settings.set('jobs.pollMaxSeconds', 1);
  await vscode.commands.executeCommand('geminiBatch.jobs.focus');
  await vscode.commands.executeCommand('geminiBatch.emulator.stop');
  const started = await vscode.commands.executeCommand<{ baseUrl: string }>('geminiBatch.emulator.start');
  assert.ok(started, 'geminiBatch.emulator.start returned nothing');
  assert.match(started.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(vscode.workspace.getConfiguration('geminiBatch').get('provider.name'), 'emulator');
  await until(
    "the jobs view to list the emulator's jobs",
    () => api.model.state === 'ok' || api.model.state === 'empty',
    [api.model.onDidChangeState],
  );
  return started.baseUrl;
}

/** Puts the provider back to the default and stops the emulator. */
export async function leaveEmulator(settings: SettingsScope): Promise<void> {
  await vscode.commands.executeCommand('geminiBatch.emulator.stop');
  await vscode.workspace
    .getConfiguration('geminiBatch')
    .update('provider.name', undefined, vscode.ConfigurationTarget.Workspace);
  await settings.restore();
}

/** What a jobs suite against the emulator reads in its tests; `api` and `baseUrl` are set once its suiteSetup has run. */
export interface EmulatorSuite {
  readonly settings: SettingsScope;
  api: GeminiBatchApi;
  /** Where the emulator listens; a test that restarts it elsewhere updates it. */
  baseUrl: string;
}

/**
 * Registers the hooks every emulator-backed jobs suite shares (call it inside `suite()`): suiteSetup activates the
 * extension and starts the emulator with `jobSeconds` (see `useEmulator`); suiteTeardown leaves it (`leaveEmulator`).
 */
export function emulatorSuite(jobSeconds: number): EmulatorSuite {
  const state = { settings: new SettingsScope() } as EmulatorSuite;
  suiteSetup(async () => {
    state.api = await batchApi();
    state.baseUrl = await useEmulator(state.api, state.settings, jobSeconds);
  });
  suiteTeardown(() => leaveEmulator(state.settings));
  return state;
}

/** The end-of-job notices a suite has seen, and a wait for one job's (events only, no sleeps). */
export interface JobEnds {
  readonly notices: readonly JobNotice[];
  ended(name: string, timeoutMs?: number): Promise<JobNotice>;
}

/** Collects the notifier's end-of-job notices from suiteSetup to suiteTeardown (call inside `suite()`, after `emulatorSuite`). */
export function collectJobEnds(s: EmulatorSuite): JobEnds {
  const notices: JobNotice[] = [];
  let listening: vscode.Disposable | undefined;
  suiteSetup(() => {
    listening = s.api.notifier.onDidNotify((n) => notices.push(n));
  });
  suiteTeardown(() => listening?.dispose());
  return {
    notices,
    ended: (name, timeoutMs = 60000) =>
      until(
        `the end of ${name}`,
        () => notices.find((n) => n.job.name === name),
        [s.api.notifier.onDidNotify],
        timeoutMs,
      ),
  };
}

/** A scratch folder of the test workspace (`run/<name>`), emptied in suiteSetup and removed in suiteTeardown. */
export function scratchFolder(name: string): { readonly path: string } {
  const folder = { path: '' };
  suiteSetup(async () => {
    folder.path = fixtureUri('run', name).fsPath;
    await fs.rm(folder.path, { recursive: true, force: true });
    await fs.mkdir(folder.path, { recursive: true });
  });
  suiteTeardown(async () => {
    if (folder.path) {
      await fs.rm(folder.path, { recursive: true, force: true });
    }
  });
  return folder;
}
