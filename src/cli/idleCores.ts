import { type CpuInfo, cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How many cores stayed idle over the next `ms` milliseconds, from the kernel's per-core time counters (os.cpus: idle
 * against all states, times the number of cores). The caller waits meanwhile, so its own process is not in it. The
 * estimate decides its workers on this rather than on the load average, which lags by a minute: run after run (the
 * bench, a script estimating file after file) it counted the previous runs' own work as load.
 */
export async function idleCores(
  ms: number,
  read: () => CpuInfo[] = cpus,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<number> {
  const before = read();
  await wait(ms);
  const after = read();
  let idle = 0;
  let total = 0;
  after.forEach((cpu, i) => {
    const was = before[i]?.times;
    if (!was) {
      return;
    }
    const now = cpu.times;
    idle += now.idle - was.idle;
    total += now.user + now.nice + now.sys + now.idle + now.irq - (was.user + was.nice + was.sys + was.idle + was.irq);
  });
  return total > 0 ? (idle / total) * after.length : after.length;
}
