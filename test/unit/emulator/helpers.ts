import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { connect } from 'node:net';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';
import { ManualClock } from './manualClock';

/** A temp data dir, removed by `cleanup()`. */
export function tempDir(label = 'emu'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `gb-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts an emulator on a free port with short jobs; collects its log lines. */
export async function startTestEmulator(
  dataDir: string,
  extra: Partial<EmulatorOptions> = {},
): Promise<RunningEmulator & { logs: string[] }> {
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

type TestEmulator = RunningEmulator & { logs: string[] };

/** What `withEmulator()` gives a suite: read it inside tests, where setup has started the emulator. */
export interface EmulatorFixture {
  /** This test's emulator, with the log lines it wrote. */
  readonly emu: TestEmulator;
  /** This test's temp folder (the emulator keeps its state in `data/` below it); removed after the test. */
  readonly dir: string;
  /** A @google/genai client on this test's emulator. */
  genai(apiVersion?: 'v1' | 'v1beta', apiKey?: string): GoogleGenAI;
  /** An OpenAI client (no retries) on `path` of this test's emulator, e.g. `/v1beta/openai/` or `/v1/`. */
  openai(path: string): OpenAI;
  /** Closes this test's emulator and starts a new one on the same data with other options (the same clock). */
  restart(extra: Partial<EmulatorOptions>): Promise<void>;
  /** This test's simulated time: jobs move only when the test advances it. */
  readonly clock: ManualClock;
  /** Advances the clock past the whole length of a job created now, so every job made so far can end. */
  runJobs(): void;
}

/** The simulated length of a `withEmulator` job (pending 2 s, then lines paced over 8 s), unless a suite sets another. */
export const TEST_JOB_SECONDS = 10;

/**
 * Registers `setup`/`teardown` hooks that give each test of the calling suite a fresh emulator (on simulated time:
 * jobs of `TEST_JOB_SECONDS`, plus `extra`) in a fresh temp folder, closed and removed after the test.
 */
export function withEmulator(extra: Partial<EmulatorOptions> = {}, label = 'emu'): EmulatorFixture {
  let emu: TestEmulator | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  let clock: ManualClock | undefined;
  let jobSeconds = extra.jobSeconds ?? TEST_JOB_SECONDS;
  const current = (): { emu: TestEmulator; tmp: ReturnType<typeof tempDir>; clock: ManualClock } => {
    if (!emu || !tmp || !clock) {
      throw new Error('withEmulator: the emulator only exists inside a test');
    }
    return { emu, tmp, clock };
  };

  setup(async () => {
    tmp = tempDir(label);
    clock = new ManualClock();
    jobSeconds = extra.jobSeconds ?? TEST_JOB_SECONDS;
    emu = await startTestEmulator(path.join(tmp.dir, 'data'), { jobSeconds, ...extra, clock });
  });
  teardown(async () => {
    try {
      await emu?.close();
    } finally {
      tmp?.cleanup();
      emu = tmp = clock = undefined;
    }
  });

  return {
    get emu() {
      return current().emu;
    },
    get dir() {
      return current().tmp.dir;
    },
    genai: (apiVersion, apiKey) => genai(current().emu.baseUrl, apiVersion, apiKey),
    openai: (urlPath) => openai(`${current().emu.baseUrl}${urlPath}`),
    get clock() {
      return current().clock;
    },
    runJobs: () => current().clock.advance(jobSeconds * 1000),
    restart: async (more) => {
      const { emu: old, tmp: folder, clock: time } = current();
      emu = undefined;
      await old.close();
      jobSeconds = more.jobSeconds ?? jobSeconds;
      emu = await startTestEmulator(path.join(folder.dir, 'data'), { ...extra, ...more, jobSeconds, clock: time });
    },
  };
}

/** Polls `read` (await, then sleep) until `done(value)`, at most `timeoutMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 10000,
  stepMs = 50,
): Promise<T> {
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

/** A raw HTTP answer read off a socket. */
export interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Sends `request` (a whole HTTP/1.1 message, as text or bytes) over a plain socket and reads the answer until the
 * server closes: for request-targets and headers no HTTP client would send.
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    // A request the server never answers shows as status 0 instead of hanging the test.
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const at = text.indexOf('\r\n\r\n');
      const head = at < 0 ? text : text.slice(0, at);
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0),
        headers: head,
        body: at < 0 ? '' : text.slice(at + 4),
      });
    });
    socket.end(request);
  });
}

/** True when `body` is the documented error shape of either API (Gemini `{error:{code,message,status}}`, OpenAI `{error:{message,type,param,code}}`). */
export function isErrorShape(body: string, status: number): boolean {
  let v: { error?: Record<string, unknown> };
  try {
    v = JSON.parse(body) as typeof v;
  } catch {
    return false;
  }
  const e = v.error;
  if (typeof e !== 'object' || e === null || typeof e.message !== 'string') {
    return false;
  }
  const gemini = e.code === status && typeof e.status === 'string';
  const openai = typeof e.type === 'string' && 'param' in e && 'code' in e;
  return gemini || openai;
}

/** Uploads the JSONL file at `input` and creates a batch of it at `endpoint`, as an OpenAI client does. */
export async function createOpenAiBatch(
  client: OpenAI,
  input: string,
  endpoint: '/v1/chat/completions' | '/v1/embeddings' = '/v1/chat/completions',
): Promise<OpenAI.Batch> {
  const file = await client.files.create({ file: createReadStream(input), purpose: 'batch' });
  return client.batches.create({ input_file_id: file.id, endpoint, completion_window: '24h' });
}
