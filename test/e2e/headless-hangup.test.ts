// e2e: a headless run (`agentmux run … --headless`) whose ssh session closes. SIGHUP is run-stop
// like SIGINT/SIGTERM: the record ends `stopped` and the exit status is 3. Writes to a stdout or
// stderr that is gone (EIO after a hangup, EPIPE once a pipe's reader left) are dropped, never a
// crash: the run still ends in order and releases the store.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGENTMUX_BIN, baseEnv, startAgentmux, type Driver } from './terminal-driver.js';
import { eventually, gate, useWorld, type World } from './e2e-kit.js';

const Line = z.object({ type: z.string(), status: z.string().optional(), error: z.string().optional() }).passthrough();

function lastRecordLine(sessions: string): z.infer<typeof Line> | undefined {
  const runsDir = join(sessions, 'runs');
  const [run] = existsSync(runsDir) ? readdirSync(runsDir) : [];
  const path = run === undefined ? undefined : join(runsDir, run, 'run.jsonl');
  if (path === undefined || !existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return Line.parse(JSON.parse(lines.at(-1) ?? '{}'));
}

const openWorld = useWorld();
const release: (() => void)[] = [];
let driver: Driver | undefined;
afterEach(() => {
  driver?.kill();
  driver = undefined;
  for (const open of release.splice(0)) open();
});

/** A world whose model streams one delta, then nothing until the test ends; and a one-agent script. */
async function waitingWorld(): Promise<{ world: World; script: string }> {
  const held = gate();
  release.push(held.release);
  const world = await openWorld({ script: () => ({ text: 'a long answer that never ends', tokensPerDelta: 1, hold: { afterDeltas: 1, until: held.until } }) });
  const script = join(world.dir, 'wait.js');
  writeFileSync(script, "export const meta = { name: 'wait', description: 'one agent that takes long' };\nreturn await agent('take your time');\n");
  return { world, script };
}

describe('agentmux e2e: a headless run loses its terminal', { timeout: 60_000 }, () => {
  it('the terminal closes (SIGHUP, then EIO): the run stops, its record ends stopped, exit 3', async () => {
    const { world, script } = await waitingWorld();
    const app = (driver = startAgentmux({ args: ['run', script, '--headless', '--sessions', world.sessions], cwd: world.dir, env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' } }));
    await app.waitFor('started wait-1', 20_000);
    await eventually(() => world.model.requests.length, (count) => count >= 1, 'the model asked', 20_000);
    app.hangup();
    expect(await app.exited(20_000)).toBe(3);
    expect(lastRecordLine(world.sessions)).toMatchObject({ type: 'done', status: 'stopped', error: 'stopped by a signal' });
    expect(existsSync(join(world.sessions, 'agentmux.lock'))).toBe(false);
  });

  it('stdout and stderr readers gone (EPIPE), then SIGTERM: no crash, the record ends stopped, exit 3', async () => {
    const { world, script } = await waitingWorld();
    const child = spawn(process.execPath, [AGENTMUX_BIN, 'run', script, '--headless', '--sessions', world.sessions], {
      cwd: world.dir,
      env: baseEnv({ ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('close', (status, signal) => resolve(signal === null ? status : -1)));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    await eventually(() => stderr, (text) => text.includes('started wait-1'), 'the agent started', 20_000);
    // The readers leave (a closed ssh, `| head -1`): every later write fails with EPIPE.
    child.stdout.destroy();
    child.stderr.destroy();
    child.kill('SIGTERM');
    expect(await exited).toBe(3);
    expect(lastRecordLine(world.sessions)).toMatchObject({ type: 'done', status: 'stopped' });
    expect(existsSync(join(world.sessions, 'agentmux.lock'))).toBe(false);
  });
});
