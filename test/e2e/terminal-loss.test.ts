// e2e: closing the terminal (SIGHUP, then EIO on every write) shuts agentmux down like `q`: the
// demo's workspace copies are removed and the store's lock and control socket are released (B18).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';
import { running } from '../process-running.js';

let dir: string | undefined;
let driver: Driver | undefined;
afterEach(() => {
  driver?.kill();
  driver = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});


describe('agentmux e2e: the terminal goes away', { timeout: 60_000 }, () => {
  it('closing the terminal cleans up like q: no demo copies left, the store lock released', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentmux-hup-'));
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const sessions = join(dir, 'sessions');
    const app = (driver = startAgentmux({ args: ['--demo', '--sessions', sessions], cwd: dir, env: { TMPDIR: temp } }));
    await app.waitFor('demo: scripted model');
    const copies = (): string[] => readdirSync(temp).filter((name) => name.startsWith('agentmux-demo-'));
    await eventually(copies, (found) => found.length === 1, 'the demo workspace copy', 20_000);
    await eventually(() => existsSync(join(sessions, 'agentmux.sock')), Boolean, 'the control socket', 20_000);
    const pid = app.pid;
    app.hangup();
    await eventually(() => running(pid), (alive) => !alive, 'agentmux to exit after the hangup', 20_000);
    // 0, not 129: a repeated SIGHUP during the shutdown must not kill it by default halfway.
    expect(await app.exited(5_000)).toBe(0);
    expect(copies()).toEqual([]);
    expect(readdirSync(sessions).filter((name) => name.startsWith('.agentmux.lock'))).toEqual([]);
    expect(existsSync(join(sessions, 'agentmux.sock'))).toBe(false);
  });
});
