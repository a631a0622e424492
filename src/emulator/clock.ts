import type { EmulatorClock } from './contract';

/** The real clock: `Date.now` and timers (the default of `EmulatorOptions.clock`). */
export const REAL_CLOCK: EmulatorClock = {
  now: () => Date.now(),
  after: (ms, fire) => {
    const t = setTimeout(fire, ms);
    return () => clearTimeout(t);
  },
};
