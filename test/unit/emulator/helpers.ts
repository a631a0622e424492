import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/core/emulator';

/** A temp data dir, removed by `cleanup()`. */
export function tempDir(label = 'emu'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `gb-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts an emulator on a free port with short jobs; collects its log lines. */
export async function startTestEmulator(dataDir: string, extra: Partial<EmulatorOptions> = {}): Promise<RunningEmulator & { logs: string[] }> {
  const logs: string[] = [];
  const emu = await startEmulator({ dataDir, jobSeconds: 0.3, log: (l) => logs.push(l), ...extra });
  return Object.assign(emu, { logs });
}

export function genai(baseUrl: string, apiVersion: 'v1' | 'v1beta' = 'v1beta', apiKey = 'test'): GoogleGenAI {
  return new GoogleGenAI({ apiKey, httpOptions: { baseUrl, apiVersion } });
}

/** OpenAI client without SDK retries, so an injected fault surfaces as it is. */
export function openai(baseURL: string, apiKey = 'test'): OpenAI {
  return new OpenAI({ apiKey, baseURL, maxRetries: 0 });
}

/** Polls `read` (await, then sleep) until `done(value)`, at most `timeoutMs`. */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v).slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Writes JSONL lines to `dir/name` and returns the path. */
export function writeJsonl(dir: string, name: string, lines: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

export const TERMINAL = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED'];
