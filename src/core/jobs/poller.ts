/** What one poll reports. `unfinished` may be a count; anything truthy keeps the loop going. */
export interface TickResult {
  unfinished: boolean | number;
  /** The server asked us to wait (429 Retry-After): the next tick is not before this. */
  retryAfterMs?: number;
  /** Something visibly changed: poll again at the minimum interval instead of backing off. */
  changed?: boolean;
}

export interface PollerOptions {
  tick(signal: AbortSignal): Promise<TickResult>;
  minMs: number;
  maxMs: number;
  /** False while the window is unfocused / the view hidden: the poller waits for `resume()` or `kick()`. */
  canRun(): boolean;
  /** Resolves after `ms` or as soon as `signal` aborts (never rejects). */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  now?(): number;
  /** Growth factor of the interval while nothing changes (1.5 by default, clamped to 1.5–2). */
  backoff?: number;
  /** Told about a failed tick; the poller itself only backs off. */
  onError?(error: unknown): void;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

/**
 * Await-then-sleep polling loop: ticks never overlap, the interval backs off toward `maxMs` while nothing changes,
 * Retry-After is honoured (even across `kick()`), and the loop idles when `canRun()` is false or no job is
 * unfinished until `resume()` / `kick()` wakes it. `dispose()` aborts the sleep and any running tick.
 */
export class Poller {
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly factor: number;
  private interval: number;
  private notBefore = 0;
  private idle = false;
  private parked = false;
  private kicked = false;
  private running: Promise<void> | undefined;
  private wake = new AbortController();
  private readonly life = new AbortController();

  constructor(private readonly options: PollerOptions) {
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.factor = Math.min(2, Math.max(1.5, options.backoff ?? 1.5));
    this.interval = options.minMs;
  }

  /** Starts the loop (idempotent): the first tick runs right away. */
  start(): void {
    if (!this.running && !this.life.signal.aborted) {
      this.running = this.loop();
    }
  }

  /** Poll soon and reset the interval to the minimum (after submit/cancel, manual refresh). */
  kick(): void {
    this.interval = this.options.minMs;
    this.idle = false;
    this.kicked = true;
    this.start();
    this.wake.abort();
  }

  /** Call when `canRun()` may have become true again (window focused, view visible). */
  resume(): void {
    this.start();
    if (this.parked && !this.idle) {
      this.wake.abort();
    }
  }

  /** Current delay between ticks (for tests and the log). */
  get currentIntervalMs(): number {
    return this.interval;
  }

  /** Stops for good; resolves when the loop has exited. */
  async dispose(): Promise<void> {
    this.life.abort();
    this.wake.abort();
    await this.running;
  }

  private async rest(ms: number): Promise<void> {
    this.wake = new AbortController();
    const both = AbortSignal.any([this.wake.signal, this.life.signal]);
    await this.sleep(ms, both);
  }

  private async loop(): Promise<void> {
    while (!this.life.signal.aborted) {
      const wait = this.notBefore - this.now();
      if (wait > 0) {
        await this.rest(wait);
        continue;
      }
      if (this.idle || !this.options.canRun()) {
        // Parked: only resume()/kick()/dispose() end this wait.
        this.parked = true;
        await this.rest(2 ** 31 - 1);
        this.parked = false;
        continue;
      }
      this.kicked = false;
      let delay: number;
      try {
        const result = await this.options.tick(this.life.signal);
        this.idle = !result.unfinished;
        if (result.changed) {
          this.interval = this.options.minMs;
        }
        delay = this.interval;
        this.interval = this.grow();
        if (result.retryAfterMs !== undefined) {
          delay = Math.max(delay, result.retryAfterMs);
          this.notBefore = this.now() + result.retryAfterMs;
        }
      } catch (error) {
        if (this.life.signal.aborted) {
          break;
        }
        this.options.onError?.(error);
        delay = this.interval;
        this.interval = this.grow();
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== undefined) {
          delay = Math.max(delay, retryAfter);
          this.notBefore = this.now() + retryAfter;
        }
      }
      if (this.kicked) {
        // A kick arrived while the tick ran: its answer may predate the change, so poll again now.
        this.kicked = false;
        this.idle = false;
        continue;
      }
      if (!this.idle) {
        await this.rest(delay);
      }
    }
  }

  private grow(): number {
    return Math.min(this.options.maxMs, Math.max(this.options.minMs, Math.round(this.interval * this.factor)));
  }
}
