import * as os from 'node:os';
import * as path from 'node:path';
import { parseFaults, startEmulator, type FaultOptions } from '../emulator';
import { inProcessPromptTokens } from './emulatorTokens';

const HELP = `Usage: gemini-batch emulator [options]

Runs a local emulator of the Gemini Batch API (and its OpenAI-compatible forms) until Ctrl+C.
Point the SDKs at the printed base URL with any non-empty API key.

Options:
  --port N                 port to listen on (default 0: a free port)
  --host ADDR              address to bind (default 127.0.0.1; other addresses only when given)
  --data-dir DIR           where files and jobs are kept (default ~/.gemini-batch-studio/emulator)
  --job-seconds S          pending → running → succeeded duration of a job (default 6)
  --expiry-seconds S       unfinished jobs expire after S seconds (default 48 h; OpenAI /v1/ batches 24 h)
  --fault-429 R            share of requests answered 429 with Retry-After (0..1)
  --fault-500 R            share answered 500
  --fault-503 R            share answered 503
  --fault-reset-upload R   share of upload chunks whose connection is reset midway
  --latency-ms MS          latency added to every request
  --retry-after S          Retry-After seconds on injected 429s (default 1)
  --fault-seed N           seed of the fault PRNG (default 1)
  --ambiguous-create       create jobs, then answer 500 anyway
 Failure rehearsals (shape the jobs created while set):
  --fault-line-rate R      share of lines failing alone with a real code (429, 500, 503, 400);
                           1 = every line fails while the job still succeeds
  --fault-truncate-json R  share of JSON-mode answers cut short (finishReason MAX_TOKENS)
  --fault-pending-seconds S  jobs stay pending S seconds longer
  --fault-job-fail         jobs fail halfway (FAILED, with an error)
  --fault-job-expire       jobs expire halfway (Gemini: no results; OpenAI: partial results)
  --ordered                write results in input order (default: keyed results in a seeded shuffled
                           order, as the real services do not keep input order; join results by key)
  --webhook-any-host       let webhooks call any host (default: loopback URIs only, so no request
                           can make the emulator POST to a machine you did not choose)
  --quiet                  do not log requests
  -h, --help               show this help

Environment: GEMINI_BATCH_EMULATOR_FAULTS='{"rate429":0.2,"lineFailRate":0.1}' sets faults and rehearsals
(flags win).
Webhooks: batches end with a Standard Webhooks POST to the registered webhooks (POST /v1beta/webhooks) or
to batch.webhookConfig.uris; only loopback URIs unless --webhook-any-host.
Admin: POST {baseUrl}/emulator/faults with a JSON FaultOptions body changes faults while running.
Only requests addressed to the bound address (Host header) are served, and web pages of other origins are
refused (403), so a page in a browser cannot drive or read the emulator.
`;

/** Maps: the flag looked up is the user's word, and a plain object would answer `constructor` with its own. */
const FAULT_FLAGS: ReadonlyMap<string, keyof FaultOptions> = new Map<string, keyof FaultOptions>([
  ['--fault-429', 'rate429'],
  ['--fault-500', 'rate500'],
  ['--fault-503', 'rate503'],
  ['--fault-reset-upload', 'resetUpload'],
  ['--latency-ms', 'latencyMs'],
  ['--retry-after', 'retryAfterSeconds'],
  ['--fault-seed', 'seed'],
  ['--fault-line-rate', 'lineFailRate'],
  ['--fault-truncate-json', 'truncateJsonRate'],
  ['--fault-pending-seconds', 'pendingSeconds'],
]);

const FAULT_SWITCHES: ReadonlyMap<string, keyof FaultOptions> = new Map<string, keyof FaultOptions>([
  ['--ambiguous-create', 'ambiguousCreate'],
  ['--fault-job-fail', 'failJobs'],
  ['--fault-job-expire', 'expireJobs'],
]);

class UsageError extends Error {}

interface Parsed {
  help: boolean;
  port: number;
  host: string;
  dataDir: string;
  jobSeconds?: number;
  expirySeconds?: number;
  faults: FaultOptions;
  ordered: boolean;
  webhookAnyHost: boolean;
  quiet: boolean;
}

function parseArgs(args: string[], env: NodeJS.ProcessEnv): Parsed {
  const envFaults = env.GEMINI_BATCH_EMULATOR_FAULTS;
  let faults: FaultOptions = {};
  if (envFaults) {
    try {
      faults = parseFaults(JSON.parse(envFaults));
    } catch (e) {
      throw new UsageError(`GEMINI_BATCH_EMULATOR_FAULTS: ${(e as Error).message}`);
    }
  }
  const p: Parsed = {
    help: false,
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join(os.homedir(), '.gemini-batch-studio', 'emulator'),
    faults,
    ordered: false,
    webhookAnyHost: false,
    quiet: false,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] =
      args[i].startsWith('--') && args[i].includes('=')
        ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)]
        : [args[i], undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) {
        throw new UsageError(`${flag} needs a value`);
      }
      return v;
    };
    const num = (): number => {
      const raw = value();
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
        throw new UsageError(`${flag} needs a non-negative number, got "${raw}"`);
      }
      return n;
    };
    if (flag === '-h' || flag === '--help') {
      p.help = true;
    } else if (flag === '--port') {
      p.port = num();
    } else if (flag === '--host') {
      p.host = value();
    } else if (flag === '--data-dir') {
      p.dataDir = path.resolve(value());
    } else if (flag === '--job-seconds') {
      p.jobSeconds = num();
    } else if (flag === '--expiry-seconds') {
      p.expirySeconds = num();
    } else if (FAULT_FLAGS.has(flag)) {
      (p.faults as Record<string, number>)[FAULT_FLAGS.get(flag) as string] = num();
    } else if (FAULT_SWITCHES.has(flag)) {
      (p.faults as Record<string, boolean>)[FAULT_SWITCHES.get(flag) as string] = true;
    } else if (flag === '--ordered') {
      p.ordered = true;
    } else if (flag === '--webhook-any-host') {
      p.webhookAnyHost = true;
    } else if (flag === '--quiet') {
      p.quiet = true;
    } else {
      throw new UsageError(`unknown option: ${args[i]}`);
    }
  }
  if (!Number.isInteger(p.port) || p.port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535`);
  }
  return p;
}

/**
 * `gemini-batch emulator`: starts the emulator, prints its base URL, runs until SIGINT/SIGTERM, closes
 * cleanly and resolves 0 (2 on a usage error, 1 when it cannot start).
 */
export async function runEmulatorCommand(args: string[]): Promise<number> {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  let parsed: Parsed;
  try {
    parsed = parseArgs(args, process.env);
  } catch (e) {
    err(`gemini-batch emulator: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    out(HELP);
    return 0;
  }
  let emu;
  try {
    emu = await startEmulator({
      port: parsed.port,
      host: parsed.host,
      dataDir: parsed.dataDir,
      jobSeconds: parsed.jobSeconds,
      expirySeconds: parsed.expirySeconds,
      faults: parsed.faults,
      ordered: parsed.ordered,
      allowAnyWebhookHost: parsed.webhookAnyHost,
      log: parsed.quiet ? undefined : (line) => out(line),
      promptTokens: inProcessPromptTokens(),
    });
  } catch (e) {
    err(`gemini-batch emulator: cannot start: ${(e as Error).message}`);
    return 1;
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(parsed.host)) {
    err(`warning: listening on ${parsed.host}: any machine that can reach it can use the emulator.`);
  }
  out(`Gemini Batch emulator listening on ${emu.baseUrl}`);
  out(`  data dir: ${parsed.dataDir}`);
  out(
    `  @google/genai: new GoogleGenAI({ apiKey: 'any', httpOptions: { baseUrl: '${emu.baseUrl}', apiVersion: 'v1beta' } })`,
  );
  out(`  openai (Gemini compat): new OpenAI({ apiKey: 'any', baseURL: '${emu.baseUrl}/v1beta/openai/' })`);
  out(`  openai (OpenAI style):  new OpenAI({ apiKey: 'any', baseURL: '${emu.baseUrl}/v1/' })`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emu.close();
  out('emulator stopped');
  return 0;
}
