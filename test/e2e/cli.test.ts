// e2e: what agentmux prints before any screen: --help, --version, a bad layout, a store in use.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runAgentmux, tempDir, useWorld } from './e2e-kit.js';

const openWorld = useWorld();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const { version } = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')));

describe('agentmux e2e: the command line', { timeout: 60_000 }, () => {
  it('--help lists every flag and exits 0', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ran = await runAgentmux(['--help'], dir);
    expect(ran.status).toBe(0);
    for (const flag of [
      '--layout NAME|FILE',
      '--sessions DIR',
      '--demo',
      '--debug',
      '--help',
      '--version',
    ])
      expect(ran.stdout).toContain(flag);
    expect(ran.stderr).toBe('');
  });

  it('without a terminal on stdin it refuses at once with a message, and leaves the store unlocked (B18)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ran = await runAgentmux(['--sessions', join(dir, 'sessions')], dir, {
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      ANTHROPIC_API_KEY: 'test-key',
    });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe(
      'agentmux: stdin and stdout are not a terminal; the cockpit is full-screen and needs one (without one, agentmux ctl … talks to a cockpit running elsewhere)\n',
    );
    expect(ran.stdout).toBe('');
    expect(readdirSync(join(dir, 'sessions')).filter((name) => name.startsWith('.agentmux.lock'))).toEqual([]);
  });

  it('--version prints the package version', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ran = await runAgentmux(['--version'], dir);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(`agentmux ${version}\n`);
  });

  it('a bad layout prints FILE: field.path: problem on stderr, exits 2, draws nothing and leaves the file alone', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const layout = join(dir, 'bad.json');
    const text =
      '{ "name": "bad", "agents": [ { "name": "alpha" }, { "name": "beta", "approve": "sometimes" } ] }\n';
    writeFileSync(layout, text);
    const ran = await runAgentmux(['--layout', layout, '--sessions', join(dir, 'sessions')], dir, {
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      ANTHROPIC_API_KEY: 'test-key',
    });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(
      new RegExp(`^${layout.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: agents\\.1\\.approve: .+\\n$`),
    );
    expect(ran.stdout).toBe('');
    expect(readFileSync(layout, 'utf8')).toBe(text);
  });

  it('a second agentmux on a store in use prints DIR: in use by agentmux pid N and exits 1', async () => {
    const world = await openWorld({ script: [] });
    const first = await world.launch();
    const ran = await runAgentmux(
      ['--layout', world.layoutPath, '--sessions', world.sessions],
      world.dir,
      {
        ANTHROPIC_BASE_URL: world.model.url,
        ANTHROPIC_API_KEY: 'test-key',
      },
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe(`${world.sessions}: in use by agentmux pid ${first.pid}\n`);
    expect(ran.stdout).toBe('');
    // The first cockpit is unharmed.
    first.write('q');
    expect(await first.exited()).toBe(0);
  });
});
