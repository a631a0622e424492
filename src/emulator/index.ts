import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext } from './http/context';
import { FaultController } from './faults';
import { JobEngine } from './jobs/jobEngine';
import { warmLineChecks } from './jobs/jobScan';
import { JobSlots } from './jobs/jobSlots';
import { KeyedLock } from './http/keyedLock';
import { limitsOf } from './limits';
import { RequestGuard } from './http/requestGuard';
import { answerClientError, handle } from './http/server';
import { Store } from './store';
import { WebhookSender } from './gemini/webhookDelivery';
import { WebhookRegistry } from './gemini/webhooks';
import { REAL_CLOCK } from './clock';
import { guardedCount } from './model/promptCount';
import type { EmulatorOptions, FaultOptions, RunningEmulator } from './contract';

export type {
  CountedLine,
  EmulatorClock,
  EmulatorLimits,
  EmulatorOptions,
  FaultOptions,
  PromptTokenCounter,
  RunningEmulator,
} from './contract';
export { parseFaults } from './faults';

const DEFAULT_JOB_SECONDS = 6;
/** Reference batch-api.md §1.5: a Gemini job pending or running for more than 48 h expires. */
const DEFAULT_EXPIRY_SECONDS = 48 * 3600;
/**
 * An OpenAI batch's `expires_at` is `created_at` + 24 h, its completion window (openai-openapi.yaml, the listBatches
 * example: created_at 1711471533, expires_at 1711557933; reference batch-api.md §5, cookbook output).
 */
const OPENAI_EXPIRY_SECONDS = 24 * 3600;

/** The listening host as a URL writes it: an IPv6 address in brackets, the any-address 0.0.0.0 as loopback. */
function urlHostOf(host: string): string {
  if (host.includes(':')) {
    return `[${host}]`;
  }
  return host === '0.0.0.0' ? '127.0.0.1' : host;
}

/**
 * Starts the local Batch API emulator: Gemini Files + Batch API (`/v1`, `/v1beta`), the OpenAI-compatible
 * batch layer (`/v1beta/openai/`) and OpenAI's own `/v1/` files + batches, with state in `dataDir`.
 * Unfinished jobs found in `dataDir` resume. Resolves once the server listens.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const store = new Store(options.dataDir);
  await store.open();
  const clock = options.clock ?? REAL_CLOCK;
  const now = (): number => clock.now();
  const log = options.log ?? ((): void => undefined);
  const webhooks = new WebhookRegistry(options.dataDir);
  await webhooks.open();
  const anyHost = options.allowAnyWebhookHost ?? false;
  const sender = new WebhookSender(webhooks, clock, anyHost, log);
  const count = guardedCount(options.promptTokens);
  const engine = new JobEngine(store, clock, options.ordered ?? false, (job) => sender.deliver(job), count);
  const limits = limitsOf(options.limits);
  const ctx: EmulatorContext = {
    store,
    engine,
    faults: new FaultController(options.faults ?? {}),
    slots: new JobSlots(store, limits.activeJobs),
    uploadLocks: new KeyedLock(),
    limits,
    jobMs: Math.max(0, (options.jobSeconds ?? DEFAULT_JOB_SECONDS) * 1000),
    expiryMs: Math.max(0, (options.expirySeconds ?? DEFAULT_EXPIRY_SECONDS) * 1000),
    openaiExpiryMs: Math.max(0, (options.expirySeconds ?? OPENAI_EXPIRY_SECONDS) * 1000),
    webhooks,
    webhookAnyHost: anyHost,
    now,
    count,
  };
  warmLineChecks();
  const server = createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(host, port);
  server.on('request', (req, res) => {
    // `handle` answers every failure itself; this catch is the last line that keeps one request from stopping the server.
    handle(ctx, guard, req, res, log).catch((e: unknown) => {
      log(`unhandled failure on ${req.method}: ${String((e as Error)?.stack ?? e)}`);
      res.destroy();
    });
  });
  server.on('clientError', answerClientError);
  engine.resumeAll();
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://${urlHostOf(host)}:${port}`,
    port,
    setFaults: (f: FaultOptions) => ctx.faults.set(f),
    faults: () => ctx.faults.current,
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await engine.close();
        await sender.close();
      })();
      return closing;
    },
  };
}
