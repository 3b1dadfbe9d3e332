// e2e: `--debug` says where the log is and the log fills; a crash gives the terminal back and
// names the log.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerEcho,
  eventually,
  typeMessage,
  useWorld,
  waitForState,
  type World,
} from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const openWorld = useWorld();
const started: Driver[] = [];
afterEach(() => {
  for (const driver of started.splice(0)) driver.kill();
});

/** Starts agentmux on the world's layout and store with extra arguments (world.launch takes none). */
async function launchWith(w: World, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Driver> {
  const driver = startAgentmux({
    args: ['--layout', w.layoutPath, '--sessions', w.sessions, ...args],
    cwd: w.dir,
    env: { ANTHROPIC_BASE_URL: w.model.url, ANTHROPIC_API_KEY: 'test-key', ...env },
  });
  started.push(driver);
  await driver.waitUntil((screen) => screen.includes('alpha') && /NORMAL/.test(screen), 'the cockpit');
  return driver;
}

/** The last of the given private-mode sequences (`CSI ? N h|l`) written, e.g. `?25h`; undefined if none. */
function lastMode(output: string, mode: number): string | undefined {
  const found = [...output.matchAll(new RegExp(`\\x1b\\[\\?${mode}([hl])`, 'g'))];
  const last = found[found.length - 1];
  return last === undefined ? undefined : `?${mode}${last[1] ?? ''}`;
}

describe('agentmux e2e: the log and the crash handler', { timeout: 60_000 }, () => {
  it('--debug prints where the log is, shows it in the status bar, and the log gets state lines', async () => {
    const world = await openWorld({ script: answerEcho });
    const logPath = join(world.sessions, 'agentmux.log');
    const app = await launchWith(world, ['--debug']);
    // Written to stderr before the screen opened, then the status bar keeps saying it.
    expect(app.output()).toContain(`agentmux: log file ${logPath}`);
    await app.waitUntil(() => app.line(-1).endsWith(`log: ${logPath}`), 'the log path in the status bar');

    await typeMessage(app, 'alpha', 'log this');
    await app.waitFor('answer to log this');
    await waitForState(app, 'alpha', 'idle');
    const lines = await eventually(
      () => readFileSync(logPath, 'utf8').split('\n'),
      (all) => all.some((line) => / alpha: idle/.test(line)),
      'the state lines in the log',
    );
    expect(lines.some((line) => / started with layout e2e: alpha, beta$/.test(line))).toBe(true);
    // When the first frame was written (the startup bench reads it): its own clock and CPU.
    expect(lines.some((line) => / first frame at \d+\.\d ms, \d+\.\d ms CPU$/.test(line))).toBe(true);
    expect(lines.some((line) => / alpha: streaming/.test(line))).toBe(true);
    // The SDK logs its requests at debug level: into the log, never onto the screen.
    expect(lines.some((line) => /^\d{4}-\d\d-\d\dT\S+Z sdk debug: /.test(line))).toBe(true);
    expect(app.output()).not.toContain('sdk debug');
  });

  it('a crash leaves the alternate screen, shows the cursor, says what broke and names the log', async () => {
    const world = await openWorld({ script: [] });
    // agentmux has no debug command or variable that crashes it: a preload adds a signal that
    // throws inside the running process, so the real uncaughtException path runs.
    const preload = join(world.dir, 'crash-on-usr2.cjs');
    writeFileSync(preload, "process.on('SIGUSR2', () => { throw new Error('provoked crash for the e2e test'); });\n");
    const logPath = join(world.sessions, 'agentmux.log');
    const app = await launchWith(world, [], { NODE_OPTIONS: `--require ${preload}` });
    expect(lastMode(app.output(), 1049)).toBe('?1049h');
    expect(lastMode(app.output(), 25)).toBe('?25l');

    process.kill(app.pid, 'SIGUSR2');
    expect(await app.exited(30_000)).toBe(1);
    const output = app.output();
    expect(lastMode(output, 1049)).toBe('?1049l');
    expect(lastMode(output, 25)).toBe('?25h');
    expect(output).toContain(`agentmux: crashed: provoked crash for the e2e test\r\n(details in ${logPath})`);
    // The message is written after the screen is given back, so it stays on the normal screen.
    expect(output.lastIndexOf('\x1b[?1049l')).toBeLessThan(output.indexOf('agentmux: crashed:'));
    expect(existsSync(logPath)).toBe(true);
    expect(readFileSync(logPath, 'utf8')).toMatch(/ crash: Error: provoked crash for the e2e test\n\s+at /);
  });
});
