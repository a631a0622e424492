import type { EmulatorClock } from '../../../src/emulator';

/**
 * Simulated time for the emulator (`EmulatorOptions.clock`): it stands still until a test calls `advance`, which
 * fires the waits falling due in time order (ties in the order they were armed), each with `now()` at its due time.
 * A test then waits on what it can observe (a job's counts or state), never on a real sleep for time to pass.
 */
export class ManualClock implements EmulatorClock {
  private current: number;
  private waits: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;

  constructor(start = Date.now()) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(ms: number, fire: () => void): () => void {
    const wait = { at: this.current + Math.max(0, ms), seq: this.seq++, fire };
    this.waits.push(wait);
    return () => {
      this.waits = this.waits.filter((w) => w !== wait);
    };
  }

  /** The waits armed and not yet fired or cancelled. */
  get pending(): number {
    return this.waits.length;
  }

  /** Ms from now until the earliest armed wait falls due (undefined when none is armed). */
  get nextDueIn(): number | undefined {
    return this.waits.length === 0 ? undefined : Math.min(...this.waits.map((w) => w.at)) - this.current;
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.waits.filter((w) => w.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) {
        break;
      }
      this.waits = this.waits.filter((w) => w !== due);
      this.current = Math.max(this.current, due.at);
      due.fire();
    }
    this.current = target;
  }
}
