// The floor under any cold start: bare `node -e 0` on this machine, spawn to exit.
import { spawn } from 'node:child_process';

/** Wall times (ms) of `runs` spawns of `node -e 0`, each from spawn to exit. */
export async function bareNodeMs(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', () => resolve());
    });
    times.push(performance.now() - started);
  }
  return times;
}
