// bash through a real pty in a temp workspace: live output, exit codes, and the whole process
// group killed on timeout, on abort and after the command ends.
import { getEventListeners } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bashEnvironment,
  bashTool,
  capForModel,
  runBashCommand,
} from '../../../src/adapters/tools/bash.js';
import { CarriageReturnFolder } from '../../../src/adapters/tools/carriage-returns.js';
import type { ToolContext } from '../../../src/core/tools.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

let ws: TempWorkspace;
beforeEach(() => {
  ws = createTempWorkspace();
});
afterEach(() => ws.dispose());

function bash(input: Record<string, unknown>, extra: Partial<ToolContext> = {}) {
  return bashTool.run(input, { cwd: ws.cwd, signal: new AbortController().signal, ...extra });
}

/** A process counts as gone once it no longer exists or is a zombie nobody reaped yet. */
function isRunning(pid: number): boolean {
  const statFile = `/proc/${pid}/stat`;
  if (!existsSync(statFile)) return false;
  try {
    const stat = readFileSync(statFile, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Polls with the real clock even while a test fakes timers.
async function waitForReal(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 3 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A `sleep` duration no other process uses, so the test finds its sleep from outside the
 * sandbox's pid namespace (where `$!` means nothing): by its command line.
 */
function uniqueSleep(): string {
  return `100.${process.pid}${Math.floor(Math.random() * 1e6)}`;
}

/** Whether a process of this host runs `sleep DURATION`. */
function sleepRunning(duration: string): boolean {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8') === `sleep\0${duration}\0` && isRunning(Number(name))) return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

function backgroundPid(output: string): number {
  const match = /bg=(\d+)/.exec(output);
  if (match?.[1] === undefined) throw new Error(`no bg=PID in ${JSON.stringify(output)}`);
  return Number(match[1]);
}

describe('bash', () => {
  it('returns the output and the exit code, marking a non-zero exit as an error', async () => {
    expect(await bash({ command: 'echo hello; echo oops >&2; exit 3' })).toEqual({
      isError: true,
      content: 'hello\noops\n[exit code 3]',
    });
    expect(await bash({ command: 'true' })).toEqual({
      isError: false,
      content: '(no output)\n[exit code 0]',
    });
  });

  it('runs in the workspace root with a predictable environment', async () => {
    const outcome = await bash({
      command: 'pwd; echo "term=$TERM pager=$PAGER key=${ANTHROPIC_API_KEY-unset}"',
    });
    expect(outcome.content).toBe(`${ws.cwd}\nterm=dumb pager=cat key=unset\n[exit code 0]`);
  });

  it('reads no login or rc files and drops BASH_ENV and the API key', () => {
    const env = bashEnvironment({
      PATH: '/bin',
      BASH_ENV: '/tmp/evil',
      ANTHROPIC_API_KEY: 'sk-secret',
      'BASH_FUNC_ls%%': '() { rm -rf ~; }',
      EDITOR: undefined,
    });
    expect(env).toEqual({
      PATH: '/bin',
      TERM: 'dumb',
      PAGER: 'cat',
      GIT_PAGER: 'cat',
      GIT_TERMINAL_PROMPT: '0',
      NO_COLOR: '1',
    });
  });

  it('strips terminal escapes and carriage returns from the output', async () => {
    const outcome = await bash({
      command: "printf '\\033[31mred\\033[0m \\033]0;title\\007done\\r\\n'",
    });
    expect(outcome.content).toBe('red done\n[exit code 0]');
  });

  it('gives stdin an end of file, so a command waiting for input does not hang', async () => {
    const outcome = await bash({ command: 'cat; echo after cat', timeout_ms: 5000 });
    expect(outcome).toEqual({ isError: false, content: 'after cat\n[exit code 0]' });
  });

  it('streams output chunks live, before the command ends', async () => {
    // The command only finishes once the test has seen its first line and answers with a
    // file, so it cannot pass if output were delivered only at the end.
    const chunks: string[] = [];
    const outcome = await bash(
      {
        command: 'echo first; while [ ! -e go ]; do sleep 0.01; done; echo last',
        timeout_ms: 5000,
      },
      {
        onOutput: (chunk) => {
          chunks.push(chunk);
          if (chunks.join('').includes('first')) writeFileSync(path.join(ws.cwd, 'go'), '');
        },
      },
    );
    expect(outcome).toEqual({ isError: false, content: 'first\nlast\n[exit code 0]' });
    expect(chunks.join('')).toBe('first\r\nlast\r\n');
  });

  it('kills the command and its background child on timeout', async () => {
    const duration = uniqueSleep();
    const outcome = await bash({ command: `sleep ${duration} & echo "bg=$!"; sleep 100`, timeout_ms: 300 });
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(
      /^bg=\d+\n\[timed out after 300 ms: the command and everything it started were killed\]$/,
    );
    await waitFor(() => !sleepRunning(duration), `background sleep ${duration} to die`);
  });

  it('kills the whole group when the agent aborts', async () => {
    const controller = new AbortController();
    let seen = '';
    const run = await runBashCommand({
      command: 'sleep 100 & echo "bg=$!"; echo "leader=$$"; sleep 100',
      cwd: ws.cwd,
      signal: controller.signal,
      timeoutMs: 10_000,
      onOutput: (chunk) => {
        seen += chunk;
        if (seen.includes('leader=') && seen.includes('\n', seen.indexOf('leader=')))
          controller.abort();
      },
    });
    expect(run.end).toEqual({ kind: 'aborted' });
    expect(run.outcome.content).toMatch(
      /\[aborted: the command and everything it started were killed\]$/,
    );
    const leader = Number(/leader=(\d+)/.exec(seen)?.[1]);
    const pid = backgroundPid(seen);
    await waitFor(() => !isRunning(pid) && !isRunning(leader), 'the group to die');
  });

  it('follows SIGTERM with SIGKILL when the group ignores SIGTERM', async () => {
    const run = await runBashCommand({
      command: 'trap \'\' TERM; sleep 100 & echo "bg=$!"; wait',
      cwd: ws.cwd,
      signal: new AbortController().signal,
      timeoutMs: 300,
      killGraceMs: 100,
    });
    expect(run.end).toEqual({ kind: 'timed-out', afterMs: 300 });
    const pid = backgroundPid(run.fullOutput);
    await waitFor(() => !isRunning(pid), `background sleep ${pid} to die`);
  });

  it('kills a background child left behind by a command that ended on its own', async () => {
    // SIGHUP is ignored, so only the tool's own group kill can end the child.
    const duration = uniqueSleep();
    const outcome = await bash({
      command: `trap '' HUP; sleep ${duration} & echo "bg=$!"`,
      timeout_ms: 5000,
    });
    expect(outcome.content).toMatch(/^bg=\d+\n\[exit code 0\]$/);
    await waitFor(() => !sleepRunning(duration), `background sleep ${duration} to die`);
  });

  it('caps huge output to its head and tail, saying how much was cut, and keeps it all', async () => {
    const run = await runBashCommand({
      command: 'yes | head -c 5000000',
      cwd: ws.cwd,
      signal: new AbortController().signal,
    });
    expect(run.end).toEqual({ kind: 'exited', code: 0 });
    expect(run.outputChars).toBe(5_000_000);
    expect(run.fullOutput).toBe('y\n'.repeat(2_500_000));
    const content = run.outcome.content;
    expect(content.length).toBeLessThan(30_200);
    expect(content.startsWith('y\ny\n')).toBe(true);
    expect(content).toContain(
      '\n[… 4970000 of 5000000 characters of output cut here; the first and last 15000 are shown; ' +
        'the whole output is kept in the session …]\n',
    );
    expect(content.endsWith('y\ny\n[exit code 0]')).toBe(true);
    expect(run.outcome.fullOutput).toBe(run.fullOutput);
  });

  it('puts no fullOutput on the outcome when the model already sees the whole output', async () => {
    const outcome = await bash({ command: 'seq 1 1000' });
    expect(outcome.content.startsWith('1\n2\n')).toBe(true);
    expect(outcome.content.endsWith('999\n1000\n[exit code 0]')).toBe(true);
    expect(outcome).not.toHaveProperty('fullOutput');
  });

  it('shows `a` live while the command still runs, and `b` only after it', async () => {
    // The command waits for a file the test writes only once it has seen `a`: if output were not
    // streamed while the command runs, `a` would arrive at the end and the command would time out.
    let seen = '';
    const order: string[] = [];
    const outcome = await bash(
      { command: 'echo a; while [ ! -f go ]; do sleep 0.02; done; echo b', timeout_ms: 60_000 },
      {
        onOutput: (chunk) => {
          seen += chunk;
          if (!order.includes('a') && seen.includes('a')) {
            order.push('a');
            writeFileSync(path.join(ws.cwd, 'go'), '');
          }
          if (!order.includes('b') && seen.includes('b')) order.push('b');
        },
      },
    );
    expect(outcome).toEqual({ isError: false, content: 'a\nb\n[exit code 0]' });
    expect(order).toEqual(['a', 'b']);
  });

  it('loses no output from fast commands that exit right after writing a lot', async () => {
    // Reading completion from the pty's exit drops the last kilobytes now and then on Linux.
    for (let round = 0; round < 6; round++) {
      const run = await runBashCommand({
        command: "head -c 1000000 /dev/zero | tr '\\0' x; echo; echo END",
        cwd: ws.cwd,
        signal: new AbortController().signal,
      });
      expect(run.outputChars).toBe(1_000_000 + '\nEND\n'.length);
      expect(run.fullOutput.endsWith('x\nEND\n')).toBe(true);
    }
  });

  it('refuses bad input naming the field', async () => {
    expect((await bash({ command: 'true', timeout_ms: 700_000 })).content).toMatch(
      /^invalid input for bash: timeout_ms: /,
    );
    expect((await bash({})).content).toMatch(/^invalid input for bash: command: /);
  });

  it('leaves no timer, listener or pty behind, whichever way the command ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const watched = new AbortController();
      const ptysBefore = process.getActiveResourcesInfo().filter((r) => r === 'TTYWrap').length;
      const run = await runBashCommand({
        command: 'echo hi; exit 1',
        cwd: ws.cwd,
        signal: watched.signal,
      });
      expect(run.end).toEqual({ kind: 'exited', code: 1 });
      expect(vi.getTimerCount()).toBe(0);
      expect(getEventListeners(watched.signal, 'abort')).toHaveLength(0);
      const aborted = runBashCommand({ command: 'sleep 100', cwd: ws.cwd, signal: watched.signal });
      watched.abort();
      expect((await aborted).end).toEqual({ kind: 'aborted' });
      expect(vi.getTimerCount()).toBe(0);
      // At most as many as before: a pty of an earlier test may still have been closing then.
      await waitForReal(
        () => process.getActiveResourcesInfo().filter((r) => r === 'TTYWrap').length <= ptysBefore,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('capForModel', () => {
  it('keeps short output whole and never splits a surrogate pair at a cut', () => {
    expect(capForModel('short', 5, 10)).toBe('short');
    const text = `${'a'.repeat(4)}😀${'b'.repeat(10)}😀${'c'.repeat(4)}`;
    const capped = capForModel(text, text.length, 10);
    expect(capped).not.toMatch(/[\ud800-\udfff]/u);
    expect(capped.startsWith('aaaa')).toBe(true);
    expect(capped.endsWith('cccc')).toBe(true);
  });
});

describe('carriage returns', () => {
  it('keeps only the last redraw of a progress bar, for the model and the whole output', async () => {
    const outcome = await bash({
      command: 'for p in 0 25 50 75 100; do printf "\\rprogress %3d%%" $p; done; printf "\\r\\ndone\\r"',
    });
    expect(outcome).toEqual({ isError: false, content: 'progress 100%\ndone\n[exit code 0]' });
  });

  it('folds \\r split from its \\n across chunks, and passes a huge line on unfolded', () => {
    const folder = new CarriageReturnFolder();
    expect(folder.feed('a\r')).toBe('');
    expect(folder.feed('\nb 1%\rb 2')).toBe('a\n');
    expect(folder.feed('%\rb 3%\r')).toBe('');
    expect(folder.feed('\n')).toBe('b 3%\n');
    expect(folder.feed('x\ry')).toBe('');
    expect(folder.end()).toBe('y');
    const long = 'z'.repeat(70 * 1024);
    expect(folder.feed(long)).toBe(long);
    expect(folder.end()).toBe('');
  });
});
