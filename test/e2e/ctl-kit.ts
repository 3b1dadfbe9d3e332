// e2e helpers for `agentmux ctl`: run one ctl command line against a world's store, and follow
// `ctl events` from a real child process (stdout lines, stderr kept to prove it stays empty).
import { spawn, type ChildProcess } from 'node:child_process';
import { z } from 'zod';
import { AGENTMUX_BIN, baseEnv } from './terminal-driver.js';
import { eventually, runAgentmux, type Ran, type World } from './e2e-kit.js';

/** `agentmux ctl --sessions STORE ARGS…` with pipes, from the world's dir. */
export function ctl(world: World, ...args: string[]): Promise<Ran> {
  return runAgentmux(['ctl', '--sessions', world.sessions, ...args], world.dir);
}

/** Waits until ctl answers at all (the socket listens once the agents have loaded). */
export async function ctlReady(world: World): Promise<void> {
  let last: Ran | undefined;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    last = await ctl(world, 'ready-probe');
    if (last.status !== 3) return;
  }
  throw new Error(`ctl never answered; last: ${JSON.stringify(last)}`);
}

const EventLine = z.record(z.string(), z.unknown());

/** A running `agentmux ctl events`: its parsed lines so far. */
export type EventFollower = {
  readonly child: ChildProcess;
  readonly lines: string[];
  stderr(): string;
  /** Resolves with the first parsed line that satisfies `test`. */
  waitFor(test: (event: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  stop(): void;
};

/** Starts `agentmux ctl events [--deltas]` and waits for its `subscribed` line. */
export async function followEvents(world: World, ...args: string[]): Promise<EventFollower> {
  const child = spawn(process.execPath, [AGENTMUX_BIN, 'ctl', '--sessions', world.sessions, 'events', ...args], {
    cwd: world.dir,
    env: baseEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const parsed = (): Record<string, unknown>[] => lines.map((line) => EventLine.parse(JSON.parse(line)));
  const follower: EventFollower = {
    child,
    lines,
    stderr: () => stderr,
    waitFor: async (test, what) => {
      const found = await eventually(parsed, (events) => events.some(test), what, 15_000);
      return found.find(test) ?? {};
    },
    stop: () => {
      child.kill('SIGKILL');
    },
  };
  await follower.waitFor((event) => event['type'] === 'subscribed', 'the subscribed line');
  return follower;
}
