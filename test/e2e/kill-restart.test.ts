// Issue 9, item 8: after `kill -9` of the whole process tree of a running cockpit, the next
// start takes the store over at once, even while the dead owner is still an unreaped zombie.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEcho, useWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const openWorld = useWorld();
const drivers: Driver[] = [];
afterEach(() => {
  for (const driver of drivers.splice(0)) driver.kill();
});

/** `pid` and every process below it, read from /proc (parent pid is field 4 of /proc/PID/stat). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), parent);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

// Like a shell that has not reaped its child yet: perl forks, the child becomes agentmux, and
// the parent sleeps without ever waiting, so a killed agentmux stays a zombie (state Z).
const NON_REAPING_LAUNCHER = ['perl', '-e', 'my $pid = fork(); exec @ARGV if $pid == 0; sleep 600'];

/** Starts agentmux under the non-reaping launcher on the world's store; resolves at the cockpit. */
async function launchUnreaped(target: World): Promise<Driver> {
  const driver = startAgentmux({
    args: ['--layout', target.layoutPath, '--sessions', target.sessions],
    cwd: target.dir,
    env: { ANTHROPIC_BASE_URL: target.model.url, ANTHROPIC_API_KEY: 'test-key' },
    launcher: NON_REAPING_LAUNCHER,
  });
  drivers.push(driver);
  await driver.waitUntil((screen) => screen.includes('alpha') && /NORMAL/u.test(screen), 'the cockpit');
  return driver;
}

describe('kill -9 of the whole tree never blocks the next start', () => {
  it('starts ten times in a row on the same store, each right after the last was killed', async () => {
    const world = await openWorld({ agents: ['alpha'], script: answerEcho });
    for (let round = 0; round < 10; round++) {
      const app = await launchUnreaped(world);
      // Everything below the launcher: agentmux and all it started.
      for (const pid of processTree(app.pid).slice(1).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // The next start follows at once; the killed owner stays an unreaped zombie.
    }
    const last = await launchUnreaped(world);
    expect(last.screen()).not.toContain('in use by agentmux');
  }, 120_000);
});
