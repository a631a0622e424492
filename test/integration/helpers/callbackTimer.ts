/** `process.threadCpuUsage` (Node ≥ 23.9; the VS Code 1.139 extension host runs Node 24): this thread's CPU time only. */
type ThreadCpuUsage = () => { user: number; system: number };

export function threadCpuMs(): number | undefined {
  const usage = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;
  if (typeof usage !== 'function') {
    return undefined;
  }
  const { user, system } = usage.call(process);
  return (user + system) / 1000;
}

/**
 * Times every callback run through `setImmediate` while installed: the extension's validation slices are such
 * callbacks, so the longest one is the longest the feature held the host at once. Measuring the event loop as a whole
 * would also catch VS Code and the built-in extensions sharing the host (they scan a 30 MB document too) and the
 * machine's scheduling. CPU time of this thread where the runtime has it, else wall time.
 */
export class ImmediateCallbackTimer {
  private readonly original = global.setImmediate;
  private longestMs = 0;
  private count = 0;

  install(): this {
    const original = this.original;
    const wrap = <A extends unknown[]>(callback: (...args: A) => void, ...args: A): NodeJS.Immediate =>
      original(() => {
        const cpu0 = threadCpuMs();
        const wall0 = performance.now();
        try {
          callback(...args);
        } finally {
          const cpu1 = threadCpuMs();
          const spent = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : performance.now() - wall0;
          this.longestMs = Math.max(this.longestMs, spent);
          this.count++;
        }
      });
    global.setImmediate = Object.assign(wrap, { __promisify__: original.__promisify__ }) as typeof setImmediate;
    return this;
  }

  /** Restores setImmediate; the longest callback in ms and how many ran. */
  uninstall(): { longest: number; count: number } {
    global.setImmediate = this.original;
    return { longest: this.longestMs, count: this.count };
  }
}
