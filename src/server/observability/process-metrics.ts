import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import type { MetricFamily } from './exposition';

/**
 * The standard process figures, under the names Prometheus' own client libraries use, so the
 * usual Node.js dashboards work as they are.
 */

let loop: IntervalHistogram | undefined;

/** Starts sampling the event loop's delay (every 20 ms: cheap on a shared 2-core machine). */
export function startEventLoopMonitor(): void {
  if (loop) return;
  loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
}

const seconds = (nanoseconds: number) => (Number.isFinite(nanoseconds) ? nanoseconds / 1e9 : 0);

export function processFamilies(): MetricFamily[] {
  const cpu = process.cpuUsage();
  const families: MetricFamily[] = [
    { name: 'process_cpu_seconds_total', help: 'Total user and system CPU time spent, in seconds.', type: 'counter', samples: [{ value: (cpu.user + cpu.system) / 1e6 }] },
    { name: 'process_resident_memory_bytes', help: 'Resident memory size, in bytes.', type: 'gauge', samples: [{ value: process.memoryUsage.rss() }] },
    { name: 'process_start_time_seconds', help: 'Start time of the process since the Unix epoch, in seconds.', type: 'gauge', samples: [{ value: Math.round(performance.timeOrigin) / 1000 }] },
    { name: 'nodejs_heap_size_used_bytes', help: 'V8 heap used, in bytes.', type: 'gauge', samples: [{ value: process.memoryUsage().heapUsed }] },
  ];
  if (loop) {
    // The delay since the previous scrape: a value that covers the whole uptime would hide a stall.
    const mean = seconds(loop.mean);
    const p99 = seconds(loop.percentile(99));
    const max = seconds(loop.max);
    loop.reset();
    families.push(
      { name: 'nodejs_eventloop_lag_seconds', help: 'Mean event loop delay since the previous scrape, in seconds (perf_hooks.monitorEventLoopDelay).', type: 'gauge', samples: [{ value: mean }] },
      { name: 'nodejs_eventloop_lag_p99_seconds', help: '99th percentile of the event loop delay since the previous scrape, in seconds.', type: 'gauge', samples: [{ value: p99 }] },
      { name: 'nodejs_eventloop_lag_max_seconds', help: 'Largest event loop delay since the previous scrape, in seconds.', type: 'gauge', samples: [{ value: max }] },
    );
  }
  return families;
}
