import { describe, expect, it } from 'vitest';
import { cpuMs, peakRssMb, rssMb } from '../../../bench/render/proc-stats.js';

describe('process stats from /proc', () => {
  it('counts CPU time spent by the process', () => {
    const before = cpuMs(process.pid);
    const until = performance.now() + 300;
    let spin = 0;
    while (performance.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    // Busy for 300 ms of wall time: at least some of it on a CPU, even on a loaded machine.
    expect(cpuMs(process.pid) - before).toBeGreaterThanOrEqual(30);
  });

  it('reads peak RSS as at least the current RSS', () => {
    const peak = peakRssMb(process.pid);
    expect(peak).toBeGreaterThan(10);
    expect(peak).toBeGreaterThanOrEqual(rssMb(process.pid) - 1);
  });
});
