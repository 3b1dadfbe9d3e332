// The node-pty host with real bash children: output reaches the emulator, terminal queries are
// answered, the child follows resizes, exit codes are reported and close kills the process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childEnvironment, launchPty } from '../../../src/adapters/pty/node-pty-host.js';
import { secretVariables } from '../../../src/adapters/tools/secrets.js';
import { providerKeyVariables } from '../../../src/adapters/workflow/providers-file.js';
import type { PtyExit, PtySession } from '../../../src/core/pty-session.js';
import { running } from '../../process-running.js';

const sessions: PtySession[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function bash(env: Record<string, string> = {}, cols = 80, rows = 24): PtySession {
  const cwd = mkdtempSync(join(tmpdir(), 'agentmux-pty-'));
  dirs.push(cwd);
  const launched = launchPty({ command: ['bash', '--norc', '--noprofile'], cwd, env: { PS1: 'ready$ ', ...env }, cols, rows });
  if (!launched.ok) throw new Error(launched.error);
  sessions.push(launched.value);
  return launched.value;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function screenText(session: PtySession): string {
  return session.screen.bottomText(session.screen.rows);
}


describe('node-pty host', () => {
  it('runs the command in its cwd with the layout env over agentmux own, and its output reaches the emulator', async () => {
    const session = bash({ AGENTMUX_TEST_VALUE: 'from-layout' });
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.write('echo "$AGENTMUX_TEST_VALUE $TERM $((40+2))"; pwd\r');
    await until(() => screenText(session).includes('from-layout xterm-256color 42'), 'the echo');
    expect(screenText(session)).toContain('agentmux-pty-');
  });

  it('answers the child terminal queries (a cursor position report)', async () => {
    const session = bash();
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.write(`printf '\\e[6n'; IFS= read -rs -d R reply; echo "got:\${reply#*[}"\r`);
    await until(() => /got:\d+;\d+/.test(screenText(session)), 'the answer to \\e[6n');
  });

  it('resizes the child terminal with the emulator', async () => {
    const session = bash();
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.resize(53, 17);
    expect([session.screen.cols, session.screen.rows]).toEqual([53, 17]);
    session.write('echo "size $(tput cols)x$(tput lines)"\r');
    await until(() => screenText(session).includes('size 53x17'), 'tput to see the new size');
  });

  it('keeps colours and attributes as styled runs', async () => {
    const session = bash();
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.write(`clear; printf '\\e[31mred\\e[0m \\e[1;38;5;202mhot\\e[0m \\e[38;2;1;2;3mrgb\\e[0m\\n'\r`);
    await until(() => screenText(session).includes('red hot rgb'), 'the coloured text');
    let runs = session.screen.runs(session.screen.baseY);
    for (let y = session.screen.baseY; y < session.screen.length; y++) {
      const candidate = session.screen.runs(y);
      if (candidate.map((run) => run.text).join('').startsWith('red hot')) runs = candidate;
    }
    const red = runs.find((run) => run.text === 'red');
    const hot = runs.find((run) => run.text === 'hot');
    const rgb = runs.find((run) => run.text === 'rgb');
    expect(red?.style.fg).toEqual({ kind: 'palette', index: 1 });
    expect(hot?.style).toMatchObject({ bold: true, fg: { kind: 'palette', index: 202 } });
    expect(rgb?.style.fg).toEqual({ kind: 'rgb', red: 1, green: 2, blue: 3 });
  });

  it('reports the exit code once the child exits', async () => {
    const session = bash();
    const exits: PtyExit[] = [];
    session.onExit((exit) => exits.push(exit));
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.write('exit 3\r');
    await until(() => exits.length === 1, 'the exit');
    expect(exits[0]?.code).toBe(3);
  });

  it('kills the child and everything it started on dispose', async () => {
    const session = bash();
    await until(() => /ready\$ $/.test(session.screen.bottomText(5)), 'the prompt');
    session.write('sleep 1000 & echo "bg:$!"\r');
    await until(() => /bg:\d+/.test(screenText(session)), 'the background pid');
    const background = Number(/bg:(\d+)/.exec(screenText(session))?.[1]);
    expect(running(session.pid)).toBe(true);
    expect(running(background)).toBe(true);
    session.dispose();
    await until(() => !running(session.pid) && !running(background), 'both processes to end');
  });

  it('puts the layout env last, over TERM too', () => {
    expect(childEnvironment({ PATH: '/bin', TERM: 'dumb' }, { TERM: 'vt100', K: 'V' })).toEqual({
      PATH: '/bin',
      TERM: 'vt100',
      COLORTERM: 'truecolor',
      K: 'V',
    });
  });

  it('hides the outer terminal (tmux) from the child, unless the layout sets it', () => {
    const own = { PATH: '/bin', TMUX: '/tmp/tmux-0/default,1,0', TMUX_PANE: '%1', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.4' };
    expect(childEnvironment(own, {})).toEqual({ PATH: '/bin', TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    expect(childEnvironment(own, { TERM_PROGRAM: 'agentmux' })['TERM_PROGRAM']).toBe('agentmux');
  });

  it('keeps the API key from the child unless the layout env passes it (issue 9)', () => {
    const own = { PATH: '/bin', ANTHROPIC_API_KEY: 'sk-secret-KEY123', ANTHROPIC_AUTH_TOKEN: 'tok-secret-123' };
    expect(childEnvironment(own, {})).toEqual({ PATH: '/bin', TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    expect(childEnvironment(own, { ANTHROPIC_API_KEY: 'sk-for-the-child' })['ANTHROPIC_API_KEY']).toBe('sk-for-the-child');
  });

  it("keeps a providers file's apiKeyEnv variable from the child too", () => {
    const own = { PATH: '/bin', OTHER_KEY: 'sk-other-123456' };
    const names = secretVariables(providerKeyVariables({ other: { baseURL: 'http://127.0.0.1:9/', apiKeyEnv: 'OTHER_KEY' } }));
    expect(childEnvironment(own, {}, names)).toEqual({ PATH: '/bin', TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    expect(childEnvironment(own, { OTHER_KEY: 'passed' }, names)['OTHER_KEY']).toBe('passed');
  });
});
