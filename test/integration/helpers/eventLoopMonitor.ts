import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

import { threadCpuMs } from './callbackTimer';

export interface Hold {
  /** What to assert on: the longest gap's main-thread CPU time (wall time where that is not measurable), less GC. */
  longest: number;
  wall: number;
  cpu: number | undefined;
  gc: number;
  /** GC pauses seen over the whole measurement: count and total ms. */
  gcCount: number;
  gcTotal: number;
}

/**
 * Measures how long the extension host's event loop is held: a chain of setImmediate callbacks records the gaps
 * between two of them. Anything that runs synchronously in between (an event handler, a validation slice) shows up as
 * a gap. On a shared machine the process is often descheduled, which stretches wall time without the code doing
 * more, so the main thread's CPU time over the gap is what counts; V8's garbage-collection pauses (which land
 * wherever the heap fills up, sliced or not) are taken out and reported apart.
 */
export class EventLoopMonitor {
  private lastWall = 0;
  private lastCpu: number | undefined;
  private readonly gaps: { start: number; end: number; cpu: number | undefined }[] = [];
  private readonly gcs: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => this.gcs.push(...list.getEntries()));
  private handle: NodeJS.Immediate | undefined;

  start(): this {
    this.observer.observe({ entryTypes: ['gc'] });
    this.lastWall = performance.now();
    this.lastCpu = threadCpuMs();
    const tick = () => {
      const wall = performance.now();
      const cpu = threadCpuMs();
      this.gaps.push({
        start: this.lastWall,
        end: wall,
        cpu: cpu !== undefined && this.lastCpu !== undefined ? cpu - this.lastCpu : undefined,
      });
      this.lastWall = wall;
      this.lastCpu = cpu;
      this.handle = setImmediate(tick);
    };
    this.handle = setImmediate(tick);
    return this;
  }

  /** Stops, and returns the longest hold. */
  stop(): Hold {
    if (this.handle) {
      clearImmediate(this.handle);
    }
    this.gcs.push(...this.observer.takeRecords());
    this.observer.disconnect();
    const gcCount = this.gcs.length;
    const gcTotal = this.gcs.reduce((sum, e) => sum + e.duration, 0);
    let worst: Hold = { longest: 0, wall: 0, cpu: undefined, gc: 0, gcCount, gcTotal };
    for (const gap of this.gaps) {
      const gc = this.gcs.reduce(
        (sum, e) => sum + Math.max(0, Math.min(gap.end, e.startTime + e.duration) - Math.max(gap.start, e.startTime)),
        0,
      );
      const wall = gap.end - gap.start;
      const longest = Math.max(0, (gap.cpu ?? wall) - gc);
      if (longest > worst.longest) {
        worst = { longest, wall, cpu: gap.cpu, gc, gcCount, gcTotal };
      }
    }
    return worst;
  }
}
