import * as assert from 'node:assert/strict';
import { Poller, type PollerOptions, type TickResult } from '../../../../src/core/jobs/poller';

/** A fake clock whose sleeps the test releases one by one; `nextSleep()` waits for the loop to ask for one. */
class FakeTime {
  now = 0;
  private current: { ms: number; resolve: () => void } | undefined;
  private waiting: ((ms: number) => void) | undefined;
  readonly requested: number[] = [];

  sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      this.requested.push(ms);
      const entry = { ms, resolve };
      this.current = entry;
      signal.addEventListener(
        'abort',
        () => {
          if (this.current === entry) {
            this.current = undefined;
          }
          resolve();
        },
        { once: true },
      );
      this.waiting?.(ms);
      this.waiting = undefined;
    });

  /** Resolves with the ms of the next sleep the loop requests (or the one already pending). */
  nextSleep(): Promise<number> {
    if (this.current) {
      return Promise.resolve(this.current.ms);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Lets the pending sleep elapse. */
  elapse(): void {
    const entry = this.current;
    assert.ok(entry, 'no pending sleep');
    this.current = undefined;
    this.now += entry.ms;
    entry.resolve();
  }

  /** Whether the loop's next sleep is a parked wait (one only resume()/kick()/dispose() ends), not a poll interval. */
  async parked(): Promise<boolean> {
    return (await this.nextSleep()) > 1_000_000;
  }

  /** Waits for each of the next `n` sleeps the loop requests, lets it elapse, and returns their ms. */
  async elapseEach(n: number): Promise<number[]> {
    const delays: number[] = [];
    for (let i = 0; i < n; i++) {
      delays.push(await this.nextSleep());
      this.elapse();
    }
    return delays;
  }
}

/** A Poller on `time`'s clock; minMs 100, maxMs 1000 and always free to run unless `options` says otherwise. */
function pollerOn(time: FakeTime, tick: PollerOptions['tick'], options: Partial<PollerOptions> = {}): Poller {
  return new Poller({
    tick,
    minMs: 100,
    maxMs: 1000,
    canRun: () => true,
    sleep: time.sleep,
    now: () => time.now,
    ...options,
  });
}

/** A tick that counts calls and concurrency and answers from a script. */
function scriptedTick(script: (n: number) => TickResult | Error) {
  const state = { calls: 0, active: 0, maxActive: 0, signals: [] as AbortSignal[] };
  const tick = async (signal: AbortSignal): Promise<TickResult> => {
    state.calls++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    state.signals.push(signal);
    await Promise.resolve();
    state.active--;
    const answer = script(state.calls);
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  return { tick, state };
}

suite('Poller', () => {
  test('backs off ×1.5 toward maxMs while nothing changes, never overlapping ticks', async () => {
    const time = new FakeTime();
    const { tick, state } = scriptedTick(() => ({ unfinished: true }));
    const poller = pollerOn(time, tick, { minMs: 1000, maxMs: 3000 });
    poller.start();
    const delays = await time.elapseEach(5);
    await poller.dispose();
    assert.deepEqual(delays, [1000, 1500, 2250, 3000, 3000]);
    assert.equal(state.maxActive, 1);
    assert.ok(state.calls >= 5);
  });

  test('a change resets the interval to minMs', async () => {
    const time = new FakeTime();
    const { tick } = scriptedTick((n) => ({ unfinished: true, changed: n === 3 }));
    const poller = pollerOn(time, tick);
    poller.start();
    const delays = await time.elapseEach(4);
    await poller.dispose();
    assert.deepEqual(delays, [100, 150, 100, 150]);
  });

  test('honours retryAfterMs from a result and from a thrown error, and reports errors', async () => {
    const time = new FakeTime();
    const errors: unknown[] = [];
    const limited = Object.assign(new Error('429'), { retryAfterMs: 7000 });
    // Call 1 asks for 5 s, call 2 throws a rate limit asking for 7 s, later calls just continue.
    const script: Record<number, TickResult | Error> = { 1: { unfinished: true, retryAfterMs: 5000 }, 2: limited };
    const { tick, state } = scriptedTick((n) => script[n] ?? { unfinished: true });
    const poller = pollerOn(time, tick, { onError: (e) => errors.push(e) });
    poller.start();
    assert.equal(await time.nextSleep(), 5000);
    time.elapse();
    assert.equal(await time.nextSleep(), 7000);
    assert.deepEqual(errors, [limited]);
    // A kick during a Retry-After window still waits out the window.
    poller.kick();
    const remaining = await time.nextSleep();
    assert.ok(remaining > 0 && remaining <= 7000, `waited ${remaining}`);
    assert.equal(state.calls, 2);
    await poller.dispose();
  });

  test('waits without ticking while canRun() is false, and resumes', async () => {
    const time = new FakeTime();
    let focused = false;
    const { tick, state } = scriptedTick(() => ({ unfinished: true }));
    const poller = pollerOn(time, tick, { canRun: () => focused });
    poller.start();
    assert.ok(await time.parked());
    assert.equal(state.calls, 0);
    focused = true;
    poller.resume();
    assert.equal(await time.nextSleep(), 100);
    assert.equal(state.calls, 1);
    await poller.dispose();
  });

  test('stops when nothing is unfinished, until the next kick (which resets to minMs)', async () => {
    const time = new FakeTime();
    let unfinished = true;
    const { tick, state } = scriptedTick(() => ({ unfinished }));
    const poller = pollerOn(time, tick);
    poller.start();
    assert.equal(await time.nextSleep(), 100);
    time.elapse();
    assert.equal(await time.nextSleep(), 150);
    unfinished = false;
    time.elapse();
    assert.ok(await time.parked(), 'parked after the terminal answer');
    assert.equal(state.calls, 3);
    poller.resume(); // resume does not restart a finished loop
    await new Promise((r) => setImmediate(r));
    assert.equal(state.calls, 3);
    unfinished = true;
    poller.kick();
    assert.equal(await time.nextSleep(), 100);
    assert.equal(state.calls, 4);
    await poller.dispose();
  });

  test('a kick during a tick polls again right after it, without overlap', async () => {
    const time = new FakeTime();
    let release: (() => void) | undefined;
    let calls = 0;
    let active = 0;
    let maxActive = 0;
    let poller: Poller | undefined;
    const firstStarted = new Promise<void>((started) => {
      poller = pollerOn(time, async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        if (calls === 1) {
          started();
          await new Promise<void>((r) => (release = r));
        }
        active--;
        return { unfinished: true };
      });
    });
    poller!.start();
    await firstStarted;
    poller!.kick();
    release!();
    await time.nextSleep();
    assert.equal(calls, 2);
    assert.equal(maxActive, 1);
    await poller!.dispose();
  });

  test('dispose aborts a running tick and the loop exits', async () => {
    let seen: AbortSignal | undefined;
    const poller = new Poller({
      tick: (signal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      minMs: 10,
      maxMs: 20,
      canRun: () => true,
    });
    poller.start();
    await new Promise((r) => setImmediate(r));
    assert.ok(seen && !seen.aborted);
    await poller.dispose();
    assert.equal(seen.aborted, true);
  });

  test('dispose aborts a pending sleep (real timers)', async () => {
    let calls = 0;
    const poller = new Poller({
      tick: async () => (calls++, { unfinished: true }),
      minMs: 60_000,
      maxMs: 60_000,
      canRun: () => true,
    });
    poller.start();
    await new Promise((r) => setImmediate(r));
    const started = Date.now();
    await poller.dispose();
    assert.ok(Date.now() - started < 1000);
    assert.equal(calls, 1);
  });
});
