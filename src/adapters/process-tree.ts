// A child's descendants, read from /proc. An editor command with quotes or `$` runs under
// `sh -c` (as git runs it), and sh does not exec its last command: signalling only the child we
// spawned would kill sh and leave the editor on the terminal, reparented where no pid names it.
// So the tree is read first and every member is signalled, deepest first. Outside Linux (no
// /proc) the list is empty and only the child itself is signalled.
import { readdirSync, readFileSync } from 'node:fs';

/** A live process's parent pid and state letter, from /proc/PID/stat; undefined once it is gone. */
export function processStat(pid: number, procDir = '/proc'): { readonly ppid: number; readonly state: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`${procDir}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // `PID (COMM) STATE PPID …`: COMM may hold spaces and parentheses, so read after the last `)`.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const ppid = Number(fields[1]);
  if (state === undefined || !Number.isInteger(ppid)) return undefined;
  return { ppid, state };
}

/** True while `pid` runs: a zombie (`Z`) or dead (`X`) process counts as gone. */
export function processRuns(pid: number, procDir = '/proc'): boolean {
  const stat = processStat(pid, procDir);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** Every descendant of `pid`, children before grandchildren; empty when /proc cannot be read. */
export function descendantsOf(pid: number, procDir = '/proc'): number[] {
  let names: string[];
  try {
    names = readdirSync(procDir);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const child = Number(name);
    const stat = processStat(child, procDir);
    if (stat === undefined) continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(child);
    children.set(stat.ppid, siblings);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** `pid` and its descendants, deepest first: read once, before any is signalled (a dead parent's children are reparented). */
export function processTree(pid: number, procDir = '/proc'): number[] {
  return [...descendantsOf(pid, procDir).reverse(), pid];
}

/** Sends `signal` to each of `pids`; a process gone is not an error. */
export function signalEach(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const target of pids) {
    try {
      process.kill(target, signal);
    } catch {
      // Gone meanwhile.
    }
  }
}
