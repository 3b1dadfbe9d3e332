// Whether a process still runs, for tests that wait for one to end. `kill(pid, 0)` is not enough
// here: in a container whose init does not reap, a killed orphan stays a zombie for a while and
// `kill(pid, 0)` still succeeds on it, so a test waiting for it to die would time out.
import { readFileSync } from 'node:fs';

/** True while `pid` runs (a zombie waiting to be reaped has already exited). */
export function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') !== true;
  } catch {
    return false;
  }
}
