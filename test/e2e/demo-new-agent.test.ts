// e2e: in the demo every agent works in its own fresh copy of the sample project (DESIGN.md §3),
// `new NAME` ones too — in an emptied cockpit (it worked in the launch directory) and beside a
// focused agent (it shared that agent's copy), never touching the person's files.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { eventually } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

let dir: string | undefined;
let driver: Driver | undefined;
afterEach(() => {
  driver?.kill();
  driver = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const Header = z.object({ t: z.literal('session'), name: z.string(), cwd: z.string() });

/** The working directory each session's journal header records, by agent name. */
function sessionDirs(sessions: string): Map<string, string> {
  const dirs = new Map<string, string>();
  const journals = join(sessions, 'journals');
  if (!existsSync(journals)) return dirs;
  for (const file of readdirSync(journals)) {
    const header = Header.safeParse(JSON.parse(readFileSync(join(journals, file), 'utf8').split('\n')[0] ?? '{}'));
    if (header.success) dirs.set(header.data.name, header.data.cwd);
  }
  return dirs;
}

async function typeLine(app: Driver, line: string): Promise<void> {
  app.write(':');
  await app.waitFor(/PROMPT/);
  app.write(`${line}\r`);
}

describe('agentmux e2e: new agents in the demo', { timeout: 90_000 }, () => {
  it('new NAME works in a fresh demo copy, in an emptied cockpit and beside another agent', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentmux-demo-new-'));
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const launch = join(dir, 'launch');
    mkdirSync(launch);
    const sessions = join(dir, 'sessions');
    const app = (driver = startAgentmux({ args: ['--demo', '--layout', 'solo', '--sessions', sessions], cwd: launch, env: { TMPDIR: temp } }));
    await app.waitFor('demo: scripted model');
    await eventually(() => sessionDirs(sessions).get('agent'), (cwd) => cwd !== undefined, 'the layout agent\'s session', 20_000);
    await typeLine(app, 'close -t agent');
    await app.waitFor('closed agent');

    await typeLine(app, 'new scout');
    await app.waitFor('new agent scout');
    await typeLine(app, 'new second');
    await app.waitFor('new agent second');

    const dirs = await eventually(() => sessionDirs(sessions), (found) => found.has('scout') && found.has('second'), 'the new sessions', 20_000);
    const [copy] = readdirSync(temp).filter((name) => name.startsWith('agentmux-demo-'));
    expect(copy).toBeDefined();
    const root = join(temp, copy ?? '');
    const cwds = ['agent', 'scout', 'second'].map((name) => dirs.get(name) ?? '');
    // Three copies, each its own, each in the demo's folder holding the sample project.
    expect(new Set(cwds).size).toBe(3);
    for (const cwd of cwds) {
      expect(cwd.startsWith(`${root}/`)).toBe(true);
      expect(existsSync(join(cwd, 'src', 'parser.ts'))).toBe(true);
    }
    expect(readdirSync(launch)).toEqual([]);
  });
});
