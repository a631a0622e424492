/**
 * Gives the event loop a turn (`setImmediate`) once `sliceMs` of synchronous work has passed, so a long loop over
 * lines (validating 100k lines at create, writing results) never stalls other requests: a file stream that has its
 * data buffered resolves `for await` in microtasks only, and would otherwise hold the loop for the whole file.
 */
export class TimeSlice {
  private last = performance.now();

  constructor(private readonly sliceMs = 5) {}

  async tick(): Promise<void> {
    if (performance.now() - this.last >= this.sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.last = performance.now();
    }
  }
}
