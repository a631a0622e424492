import { EmulatorHarness } from './emulatorHarness';

/**
 * Gives the calling suite one emulator harness, started before its first test and stopped after its last.
 * Pass the suite's `this`: real SDK round-trips through the emulator need more than mocha's default timeout.
 */
export function withEmulatorHarness(owner: Mocha.Suite, timeoutMs = 30_000): EmulatorHarness {
  owner.timeout(timeoutMs);
  const harness = new EmulatorHarness();
  suiteSetup(() => harness.start());
  suiteTeardown(() => harness.stop());
  return harness;
}
