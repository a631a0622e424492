import { seededRandom } from '../core/util/seededRandom';
import type { FaultOptions } from './contract';

export type InjectedFault = { status: 429 | 500 | 503 } | undefined;

/** Decides, per request, which fault (if any) to inject. One per emulator instance. */
export class FaultController {
  private options: FaultOptions = {};
  // Seeded, so a seed replays the same fault sequence.
  private random: () => number = seededRandom(1);

  constructor(initial: FaultOptions = {}) {
    this.set(initial);
  }

  /** Replaces the fault settings and restarts the PRNG from the seed. */
  set(options: FaultOptions): void {
    this.options = { ...options };
    this.random = seededRandom(options.seed ?? 1);
  }

  get current(): FaultOptions {
    return { ...this.options };
  }

  get latencyMs(): number {
    return Math.max(0, this.options.latencyMs ?? 0);
  }

  get retryAfterSeconds(): number {
    return Math.max(0, this.options.retryAfterSeconds ?? 1);
  }

  get ambiguousCreate(): boolean {
    return this.options.ambiguousCreate === true;
  }

  /** One draw per API request: 429, then 500, then 503 share the unit interval. */
  pick(): InjectedFault {
    const { rate429 = 0, rate500 = 0, rate503 = 0 } = this.options;
    if (rate429 + rate500 + rate503 <= 0) {
      return undefined;
    }
    const r = this.random();
    if (r < rate429) {
      return { status: 429 };
    }
    if (r < rate429 + rate500) {
      return { status: 500 };
    }
    if (r < rate429 + rate500 + rate503) {
      return { status: 503 };
    }
    return undefined;
  }

  shouldResetUpload(): boolean {
    const rate = this.options.resetUpload ?? 0;
    return rate > 0 && this.random() < rate;
  }
}

const FAULT_KEYS: (keyof FaultOptions)[] = [
  'rate429',
  'rate500',
  'rate503',
  'resetUpload',
  'latencyMs',
  'retryAfterSeconds',
  'seed',
  'ambiguousCreate',
  'lineFailRate',
  'truncateJsonRate',
  'pendingSeconds',
  'failJobs',
  'expireJobs',
];
const BOOLEAN_KEYS: (keyof FaultOptions)[] = ['ambiguousCreate', 'failJobs', 'expireJobs'];

/** Keeps only known keys with the right types; throws on anything else (the admin endpoint answers 400). */
export function parseFaults(value: unknown): FaultOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('faults must be a JSON object');
  }
  const out: FaultOptions = {};
  for (const [k, v] of Object.entries(value)) {
    if (!FAULT_KEYS.includes(k as keyof FaultOptions)) {
      throw new TypeError(`unknown fault option "${k}" (known: ${FAULT_KEYS.join(', ')})`);
    }
    if (BOOLEAN_KEYS.includes(k as keyof FaultOptions)) {
      if (typeof v !== 'boolean') {
        throw new TypeError(`${k} must be a boolean`);
      }
      (out as Record<string, boolean>)[k] = v;
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new TypeError(`${k} must be a non-negative number`);
      }
      (out as Record<string, number>)[k] = v;
    }
  }
  return out;
}
