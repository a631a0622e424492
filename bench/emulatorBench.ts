import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GoogleGenAI } from '@google/genai';

const ROOT = path.resolve(__dirname, '..');
const LINES = 100_000;
const TERMINAL = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED'];

/** Writes a generate JSONL of `n` lines, streaming; with `unknownField` each line holds a field the service rejects. */
async function writeInput(file: string, n: number, unknownField = false): Promise<void> {
  const out = createWriteStream(file);
  const extra = unknownField ? ',"bogusField":1' : '';
  for (let i = 0; i < n; i++) {
    const line = `{"key":"request-${i}","request":{"contents":[{"role":"user","parts":[{"text":"Summarise item ${i} in one sentence."}]}],"generationConfig":{"temperature":0.2}${extra}}}\n`;
    if (!out.write(line)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'close');
}

/** Starts `gemini-batch emulator` in a child Node (through tsx) and resolves its base URL. */
async function startChild(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const code =
    "require('./src/cli/emulatorCommand.ts').runEmulatorCommand(process.argv.slice(1)).then((c) => process.exit(c))";
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('tsx/cjs'),
      '-e',
      code,
      '--',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--job-seconds',
      '0.5',
      '--quiet',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let seen = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${seen}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${c}: ${seen}`));
    });
  });
  child.stdout!.resume();
  return { child, baseUrl };
}

/**
 * Asks `/emulator/health` one request at a time until `work` settles and resolves the slowest answer in ms: how long
 * the emulator's event loop stalls while it does `work` (a create validating 100k lines, say).
 */
async function slowestHealth(baseUrl: string, work: Promise<unknown>): Promise<number> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  let worst = 0;
  while (!settled) {
    const t = performance.now();
    await (await fetch(`${baseUrl}/emulator/health`)).arrayBuffer();
    worst = Math.max(worst, performance.now() - t);
  }
  return worst;
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

/** Times a 100k-line generate job (upload, create, poll to success) against the emulator in a child process. */
export async function runEmulatorBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gb-emubench-'));
  let child: ChildProcess | undefined;
  try {
    const input = path.join(dir, 'in.jsonl');
    await writeInput(input, LINES);
    const started = await startChild(path.join(dir, 'data'));
    child = started.child;
    const ai = new GoogleGenAI({ apiKey: 'bench', httpOptions: { baseUrl: started.baseUrl, apiVersion: 'v1beta' } });
    const t0 = performance.now();
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl', displayName: 'bench-100k' } });
    const creating = ai.batches.create({
      model: 'gemini-2.5-flash',
      src: file.name!,
      config: { displayName: 'bench' },
    });
    const stallValid = await slowestHealth(started.baseUrl, creating);
    const job = await creating;
    const deadline = Date.now() + 300_000;
    let state = job.state;
    while (!TERMINAL.includes(state ?? '')) {
      if (Date.now() > deadline) {
        throw new Error('bench job did not finish in 5 minutes');
      }
      await new Promise((r) => setTimeout(r, 100));
      state = (await ai.batches.get({ name: job.name! })).state;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (state !== 'JOB_STATE_SUCCEEDED') {
      throw new Error(`bench job ended ${state}`);
    }
    // The SDK does not map batchStats; read them over REST to be sure every line was answered.
    const op = (await (
      await fetch(`${started.baseUrl}/v1beta/${job.name}`, { headers: { 'x-goog-api-key': 'bench' } })
    ).json()) as { metadata: { batchStats: Record<string, string> } };
    if (op.metadata.batchStats.successfulRequestCount !== String(LINES)) {
      throw new Error(`bench job answered ${JSON.stringify(op.metadata.batchStats)}`);
    }
    // A create from 100k lines that each hold an unknown field: refused (400) after the first 1000 bad lines.
    const badInput = path.join(dir, 'bad.jsonl');
    await writeInput(badInput, LINES, true);
    const badFile = await ai.files.upload({
      file: badInput,
      config: { mimeType: 'jsonl', displayName: 'bench-100k-unknown' },
    });
    const t1 = performance.now();
    const refusing = ai.batches.create({ model: 'gemini-2.5-flash', src: badFile.name! }).then(
      () => 'accepted',
      () => 'refused',
    );
    const stallUnknown = await slowestHealth(started.baseUrl, refusing);
    if ((await refusing) !== 'refused') {
      throw new Error('the create from lines with unknown fields was accepted');
    }
    const unknownSeconds = (performance.now() - t1) / 1000;
    return {
      emulator_100k_s: Math.round(seconds * 100) / 100,
      emulator_peak_rss_mb: peakRssMb(child.pid!),
      emulator_create_100k_unknown_s: Math.round(unknownSeconds * 100) / 100,
      emulator_health_stall_ms: Math.round(Math.max(stallValid, stallUnknown)),
    };
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runEmulatorBench().then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 1;
    },
  );
}
