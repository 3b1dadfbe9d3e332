import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { childPids, treeCpuMs } from '../../../bench/render/tree-cpu.js';

describe('treeCpuMs', () => {
  it('counts the CPU of a live child in its parent tree', async () => {
    // The child burns CPU, then waits to be killed; its time must show in this process's tree.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 300; while (Date.now() < end); console.log("done"); setInterval(() => {}, 1000);'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await once(child.stdout, 'data');
      const pid = child.pid ?? -1;
      expect(childPids(process.pid)).toContain(pid);
      expect(treeCpuMs(pid)).toBeGreaterThanOrEqual(100);
      expect(treeCpuMs(process.pid)).toBeGreaterThanOrEqual(treeCpuMs(pid));
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });

  it('reads 0 for a process that no longer exists', () => {
    expect(treeCpuMs(2 ** 22 + 7)).toBe(0);
  });
});
