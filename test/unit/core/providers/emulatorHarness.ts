import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { Poller } from '../../../../src/core/jobs/poller';
import { createProvider } from '../../../../src/core/providers/createProvider';
import {
  isTerminal,
  type ApiCallRecord,
  type BatchJob,
  type BatchProvider,
  type ProviderId,
} from '../../../../src/core/providers/types';
import { ManualClock } from '../../emulator/manualClock';

/** The simulated length of a job: only `waitDone` moves the emulator's clock, so no test waits for real job time. */
const JOB_SECONDS = 10;

/** A distinctive key, so a leak anywhere is easy to assert on. */
export const SECRET = 'AIzaTEST-secret-key-0042';

/** One in-process emulator plus a temp folder, and everything the provider logged. */
export class EmulatorHarness {
  emulator!: RunningEmulator;
  dir!: string;
  readonly calls: ApiCallRecord[] = [];
  /**
   * The emulator's time, advanced by the tests (through `waitDone`). Started when the emulator starts, not when the
   * harness is made (as a suite is defined, before the whole run): in a full unit run under load, minutes passed
   * between the two, so jobs were stamped more than safeCreate's 2-minute clock-skew allowance before the attempt and
   * the ambiguous-create tests failed (1 run in 3).
   */
  clock = new ManualClock();

  async start(): Promise<void> {
    this.clock = new ManualClock();
    this.dir = await mkdtemp(join(tmpdir(), 'prov-emu-'));
    this.emulator = await startEmulator({
      port: 0,
      dataDir: join(this.dir, 'data'),
      jobSeconds: JOB_SECONDS,
      clock: this.clock,
    });
  }

  async stop(): Promise<void> {
    try {
      await this.emulator?.close();
    } finally {
      // Removed even when closing failed, and skipped when `start` never got as far as making it.
      if (this.dir) {
        await rm(this.dir, { recursive: true, force: true });
      }
    }
  }

  provider(id: ProviderId = 'emulator', apiKey = SECRET): BatchProvider {
    const onCall = (c: ApiCallRecord) => this.calls.push(c);
    const base = this.emulator.baseUrl;
    return createProvider({
      id,
      apiKey,
      geminiBaseUrl: base,
      geminiApiVersion: 'v1beta',
      openaiBaseUrl: `${base}/v1`,
      onCall,
    });
  }

  async file(name: string, lines: unknown[]): Promise<string> {
    const path = join(this.dir, name);
    await writeFile(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    return path;
  }

  /**
   * Moves the clock past a whole job (so the job can end, and a cancelled OpenAI batch gets past `cancelling`), then
   * polls with the real Poller until the job is terminal (bounded by the test timeout).
   */
  async waitDone(provider: BatchProvider, name: string): Promise<BatchJob> {
    this.clock.advance(JOB_SECONDS * 1000);
    const seen: BatchJob[] = [];
    let done!: (job: BatchJob) => void;
    const finished = new Promise<BatchJob>((resolve) => (done = resolve));
    const poller = new Poller({
      minMs: 50,
      maxMs: 200,
      canRun: () => true,
      tick: async (signal) => {
        const job = await provider.getJob(name, signal);
        seen.push(job);
        if (isTerminal(job.state)) {
          done(job);
        }
        return { unfinished: !isTerminal(job.state) };
      },
    });
    poller.start();
    try {
      return await finished;
    } finally {
      await poller.dispose();
    }
  }
}

export const generateLine = (key: string, text = 'hello') => ({
  key,
  request: { contents: [{ role: 'user', parts: [{ text }] }] },
});
export const embedLine = (key: string) => ({ key, request: { content: { parts: [{ text: `text ${key}` }] } } });
export const openaiLine = (id: string, model: string) => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model, messages: [{ role: 'user', content: `say ${id}` }] },
});
