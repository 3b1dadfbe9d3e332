// Hosted children that ignore SIGHUP and SIGTERM do not outlive agentmux: the shutdown's settle
// SIGKILLs their groups after a short grace, and the exit hook does it when the process exits
// without disposing them (a crash, process.exit).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchPty } from '../../../src/adapters/pty/node-pty-host.js';
import { groupAlive, livePtyGroups, settlePtyGroups, signalGroup } from '../../../src/adapters/pty/pty-groups.js';
import type { PtySession } from '../../../src/core/pty-session.js';
import { running } from '../../process-running.js';

const fixture = path.join(import.meta.dirname, '..', '..', 'fixtures', 'pty-hup-child.ts');
const STUBBORN = ['sh', '-c', "trap '' HUP TERM; sleep 1234 & echo sleeper:$!; wait"];
const leftovers: number[] = [];

afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
});


async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Launches the stubborn command and waits for the pid of the sleep it started. */
async function stubborn(): Promise<{ session: PtySession; sleeper: number }> {
  const launched = launchPty({ command: STUBBORN, cwd: process.cwd(), env: {}, cols: 80, rows: 24 });
  if (!launched.ok) throw new Error(launched.error);
  const session = launched.value;
  let sleeper = 0;
  await until(() => {
    sleeper = Number(/sleeper:(\d+)/.exec(session.screen.bottomText(5))?.[1] ?? 0);
    return sleeper > 0;
  }, 'the sleeper pid');
  leftovers.push(sleeper, session.pid);
  return { session, sleeper };
}

describe('PTY process groups', () => {
  it('settling kills a group that ignores SIGHUP and SIGTERM once its grace is over', async () => {
    const { session, sleeper } = await stubborn();
    expect(livePtyGroups()).toContain(session.pid);
    // What dispose sends, without dispose's own kill timer: whatever kills the group now is the settle.
    signalGroup(session.pid, 'SIGHUP');
    signalGroup(session.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // SIGHUP and SIGTERM did nothing: both the shell and its sleep ignore them.
    expect(running(sleeper)).toBe(true);
    await settlePtyGroups(100);
    expect(livePtyGroups()).toEqual([]);
    await until(() => !running(sleeper) && !running(session.pid), 'the group to die');
    session.dispose();
    await until(() => !groupAlive(session.pid), 'the group to be reaped');
  });

  it('settling returns once groups that obey SIGHUP have exited, not at the end of its grace', async () => {
    const launched = launchPty({ command: ['sh', '-c', 'echo up; sleep 1234'], cwd: process.cwd(), env: {}, cols: 80, rows: 24 });
    if (!launched.ok) throw new Error(launched.error);
    const session = launched.value;
    leftovers.push(session.pid);
    await until(() => session.screen.bottomText(5).includes('up'), 'the child to start');
    session.dispose();
    // An hour of grace: a settle that waited for its deadline would never return within the test.
    await settlePtyGroups(3_600_000);
    expect(running(session.pid)).toBe(false);
    expect(livePtyGroups()).not.toContain(session.pid);
  });

  it('close kills what an exited leader left running in its group', async () => {
    const launched = launchPty({ command: ['sh', '-c', "trap '' HUP; sleep 1234 & echo sleeper:$!; exit 0"], cwd: process.cwd(), env: {}, cols: 80, rows: 24 });
    if (!launched.ok) throw new Error(launched.error);
    const session = launched.value;
    leftovers.push(session.pid);
    let exited = false;
    session.onExit(() => (exited = true));
    let sleeper = 0;
    await until(() => {
      sleeper = Number(/sleeper:(\d+)/.exec(session.screen.bottomText(5))?.[1] ?? 0);
      return sleeper > 0 && exited;
    }, 'the leader to exit, leaving its sleep');
    leftovers.push(sleeper);
    expect(running(sleeper)).toBe(true);
    session.dispose();
    await until(() => !running(sleeper), 'the leftover sleep to be killed');
  });

  it('the exit hook kills a hosted group when the process exits without disposing it', async () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8', timeout: 30_000 });
    const sleeper = Number(out.trim());
    expect(sleeper).toBeGreaterThan(0);
    leftovers.push(sleeper);
    await until(() => !running(sleeper), 'the sleeper to die');
  });
});
