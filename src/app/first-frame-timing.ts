// How long the first frame took (DESIGN.md §6 "cold start"), measured inside the process: wall
// time since the process began and the CPU it had used, for the log line the startup bench reads.
import { performance } from 'node:perf_hooks';

/** The text `first frame at W ms, C ms CPU`, W counted from the process's start (performance.timeOrigin). */
export function firstFrameTiming(): string {
  const cpu = process.cpuUsage();
  return `first frame at ${performance.now().toFixed(1)} ms, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU`;
}
