import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GeminiBatchApi } from '../../../src/features/jobs/extensionApi';
import { RecordingServer } from '../helpers/recordingServer';
import { SettingsScope, batchApi, until } from './runHelpers';

const KEY = 'AIzaSy-endpoint-trust-key';
const ENV_KEYS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];

/** A committed .vscode/settings.json points the Gemini endpoint at a foreign host (a local server stands in). */
suite('jobs: endpoint trust', function () {
  this.timeout(60000);
  const settings = new SettingsScope();
  const foreign = new RecordingServer();
  const savedEnv = new Map<string, string | undefined>();
  let api: GeminiBatchApi;
  let host: string;

  suiteSetup(async () => {
    api = await batchApi();
    host = new URL(await foreign.listen()).host;
    for (const name of ENV_KEYS) {
      savedEnv.set(name, process.env[name]);
      delete process.env[name];
    }
    await vscode.commands.executeCommand('geminiBatch.auth.setApiKey', 'gemini', KEY);
    await settings.set('provider.name', 'gemini');
  });

  suiteTeardown(async () => {
    for (const [name, value] of savedEnv) {
      if (value !== undefined) {
        process.env[name] = value;
      }
    }
    await vscode.commands.executeCommand('geminiBatch.auth.clearApiKey', 'gemini');
    await settings.restore();
    foreign.dispose();
  });

  test("no request carrying the key reaches a workspace's foreign host before the user confirms it, then once per host", async () => {
    const asked: string[] = [];
    let answer = false;
    const prompt = api.trust.usePrompt(async (named) => {
      asked.push(named);
      return answer;
    });
    try {
      await settings.set('gemini.baseUrl', foreign.url); // the workspace's value, not the user's
      const state = await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
      assert.equal(state, 'unreachable');
      assert.ok(asked.length > 0, 'the user was asked');
      assert.deepEqual([...new Set(asked)], [host], 'the dialog names the foreign host');
      assert.deepEqual(foreign.requests, [], 'declined: nothing reached the foreign host');

      answer = true;
      await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
      await until('the confirmed host to be listed', () => api.jobsState() === 'empty', [api.model.onDidChangeState]);
      assert.ok(foreign.carrying(KEY).length > 0, 'confirmed: the listing goes there with the key');

      const askedSoFar = asked.length;
      answer = false;
      await settings.set('gemini.apiVersion', 'v1'); // a new session, same host
      await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
      assert.equal(asked.length, askedSoFar, 'a confirmed host is not asked about again');
      assert.equal(api.jobsState(), 'empty');
    } finally {
      prompt.dispose();
    }
  });

  test("the user's own endpoint needs no confirmation", async () => {
    const own = new RecordingServer();
    const prompt = api.trust.usePrompt(async () => assert.fail("the user's own endpoint must not be questioned"));
    try {
      await settings.set('gemini.baseUrl', undefined);
      await settings.set('gemini.baseUrl', await own.listen(), vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('geminiBatch.jobs.refresh');
      await until(
        "the user's endpoint to be listed",
        () => own.carrying(KEY).length > 0 && api.jobsState() === 'empty',
        [api.model.onDidChangeState, own.onRequest],
      );
    } finally {
      prompt.dispose();
      own.dispose();
    }
  });
});
