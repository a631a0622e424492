import { HttpError } from '../http/httpUtil';
import type { Store } from '../store';

/**
 * The cap on active (pending or running) Gemini batch jobs, native and through the OpenAI compatibility layer.
 * A create takes a slot synchronously, before its first `await`, and gives it back once its job is stored (the job
 * then counts itself) or the create failed: concurrent creates cannot all pass a check made before any is stored.
 */
export class JobSlots {
  private reserved = 0;

  constructor(
    private readonly store: Store,
    private readonly max: number,
  ) {}

  private active(): number {
    let n = 0;
    for (const j of this.store.jobs.values()) {
      n += j.api !== 'openai' && !j.final ? 1 : 0;
    }
    return n;
  }

  /** Takes a slot or throws 429; call the returned function exactly once when the create is over. */
  take(): () => void {
    if (this.active() + this.reserved >= this.max) {
      throw new HttpError(
        429,
        `Too many concurrent batch jobs: at most ${this.max} may be pending or running at once.`,
        { 'retry-after': '60' },
        { code: 'rate_limit_exceeded' },
      );
    }
    this.reserved += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.reserved -= 1;
      }
    };
  }
}
