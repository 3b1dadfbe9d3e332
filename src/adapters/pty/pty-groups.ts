// The process groups of hosted children (each child leads its own session, so its pid names its
// group). A child that ignores SIGHUP and SIGTERM must not outlive agentmux: the groups are
// remembered from spawn until they are seen gone, quitting waits briefly for them and then
// SIGKILLs what remains, and a `process.on('exit')` hook SIGKILLs any group still alive.

/** Time quitting gives the groups (already sent SIGHUP by their sessions) before SIGKILL. */
export const SETTLE_GRACE_MS = 300;
const POLL_MS = 10;

const groups = new Set<number>();
let exitHookInstalled = false;

/** Sends `signal` to the group led by `pid` (to `pid` alone if it leads none); a group gone is not an error. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** True while some process of the group led by `pid` exists (EPERM still means it exists). */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (thrown) {
    return thrown instanceof Error && 'code' in thrown && thrown.code === 'EPERM';
  }
}

/** Remembers a new child's group until it is seen gone; installs the exit hook once. */
export function trackGroup(pid: number): void {
  for (const known of groups) if (!groupAlive(known)) groups.delete(known);
  groups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killPtyGroupsNow);
  }
}

/** The tracked groups still alive (forgetting those gone). */
export function livePtyGroups(): number[] {
  for (const pid of groups) if (!groupAlive(pid)) groups.delete(pid);
  return [...groups];
}

/** SIGKILLs every tracked group still alive, synchronously (the exit hook, and the end of `settlePtyGroups`). */
export function killPtyGroupsNow(): void {
  for (const pid of livePtyGroups()) signalGroup(pid, 'SIGKILL');
  groups.clear();
}

/**
 * At shutdown, once every session was disposed: waits up to `graceMs` for the groups to exit on
 * the SIGHUP they were sent, then SIGKILLs the rest.
 */
export async function settlePtyGroups(graceMs = SETTLE_GRACE_MS): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (livePtyGroups().length > 0 && Date.now() < deadline) {
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_MS));
  }
  killPtyGroupsNow();
}
