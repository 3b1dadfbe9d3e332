// CPU of a whole process tree (DESIGN.md §6: "children and workers included"): the process's
// own time (its worker threads are in it), its reaped children's, and every live descendant's.
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ is 100 on every Linux this bench runs on (sysconf is not reachable from Node).
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // exited between listing and reading
  }
}

/** The live children of `pid` (over all its threads). */
export function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const task of tasks) {
    try {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list !== '') children.push(...list.split(' ').map(Number));
    } catch {
      // the thread ended meanwhile
    }
  }
  return children;
}

/** CPU milliseconds (user + system) of `pid`, its reaped children and all live descendants. */
export function treeCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (fields === undefined) return 0;
  // utime, stime, cutime, cstime are fields 14–17 of the whole line: 12–15 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  let ms = (ticks * 1000) / TICKS_PER_SECOND;
  for (const child of childPids(pid)) ms += treeCpuMs(child);
  return ms;
}
