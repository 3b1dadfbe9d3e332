// Drives the real agentmux binary in a pseudo-terminal and reads its screen through
// @xterm/headless: keys in, screen text out (no tmux needed).
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { join } from 'node:path';
import { useUnicode11Widths } from '../../src/adapters/pty/unicode-widths.js';

const { Terminal } = xterm;

export type DriverOptions = {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly cols?: number;
  readonly rows?: number;
  /** A program (and its arguments) that runs `node agentmux ARGS…` for the pty, e.g. a shell. */
  readonly launcher?: readonly string[];
};

export type Driver = {
  /** The pid of the agentmux process (bin/agentmux.js runs the cockpit in-process). */
  readonly pid: number;
  /** The whole screen as text, one line per row (trailing spaces trimmed). */
  screen(): string;
  /** One row of the screen (0 is the top, -1 the bottom). */
  line(row: number): string;
  /** Resolves when the screen matches; fails with the screen in the message after `timeoutMs`. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  /** Resolves when `condition(screen)` holds. */
  waitUntil(
    condition: (screen: string) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  /** Writes raw bytes (keys) to the program. */
  write(data: string): void;
  /** Everything the program wrote so far, escape sequences included. */
  output(): string;
  /** Resolves when the program writes its first byte (the moment the screen opens). */
  readonly firstOutput: Promise<void>;
  /** Everything the program wrote, for byte counts. */
  readonly bytesWritten: () => number;
  resize(cols: number, rows: number): void;
  /** Resolves with the exit code when the program ends. */
  exited(timeoutMs?: number): Promise<number>;
  kill(): void;
  /** Closes the terminal, as closing its window does: the kernel sends SIGHUP and writes fail with EIO. */
  hangup(): void;
};

export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  backTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  ctrlS: '\x13',
  ctrlQ: '\x11',
} as const;

/**
 * The bytes an xterm sends for a mouse event in SGR mode (`ESC [ < B ; X ; Y M`, `m` on
 * release); `col` and `row` are 0-based screen cells, as `line(row)` counts them.
 */
export function mouseSequence(kind: 'press' | 'release' | 'wheel-up' | 'wheel-down', col: number, row: number): string {
  const button = kind === 'wheel-up' ? 64 : kind === 'wheel-down' ? 65 : 0;
  return `\x1b[<${button};${col + 1};${row + 1}${kind === 'release' ? 'm' : 'M'}`;
}

/** A left click (press and release) at a 0-based cell. */
export function mouseClick(col: number, row: number): string {
  return mouseSequence('press', col, row) + mouseSequence('release', col, row);
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'agentmux.js');

/** The environment a child starts from: this process's, without anything that would steer it (keys, editors, vitest). */
export function baseEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      key.startsWith('ANTHROPIC_') ||
      key.startsWith('VITEST') ||
      key === 'NODE_ENV'
    )
      continue;
    if (key === 'VISUAL' || key === 'EDITOR') continue;
    env[key] = value;
  }
  return Object.assign(env, { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, extra);
}

/** The path of the agentmux binary, for tests that run it without a terminal. */
export const AGENTMUX_BIN = BIN;

/** Starts `agentmux ARGS…` in a pty of the given size. */
export function startAgentmux(options: DriverOptions): Driver {
  const cols = options.cols ?? 160;
  const rows = options.rows ?? 48;
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  // The cockpit's width table, so the driver sees each cell where agentmux means it to be.
  useUnicode11Widths(terminal);
  const env = baseEnv(options.env);
  const [program, ...launcherArgs] = options.launcher ?? [process.execPath];
  const args = options.launcher === undefined ? [BIN, ...options.args] : [...launcherArgs, process.execPath, BIN, ...options.args];
  const child = pty.spawn(program ?? process.execPath, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd,
    env,
  });
  let bytes = 0;
  const chunks: string[] = [];
  let exitCode: number | undefined;
  let disposed = false;
  const exitWaiters: ((code: number) => void)[] = [];
  let firstByte = (): void => undefined;
  const firstOutput = new Promise<void>((resolve) => (firstByte = resolve));
  child.onData((data) => {
    firstByte();
    bytes += Buffer.byteLength(data);
    chunks.push(data);
    if (!disposed) terminal.write(data);
  });
  child.onExit(({ exitCode: status, signal }) => {
    // Killed by a signal: 128 + its number, as a shell reports it, never a clean-looking 0.
    const code = signal !== undefined && signal > 0 ? 128 + signal : status;
    exitCode = code;
    for (const waiter of exitWaiters.splice(0)) waiter(code);
  });

  const lineAt = (row: number): string => {
    const buffer = terminal.buffer.active;
    // terminal.rows, not the starting size: `resize` changes it.
    const y = row < 0 ? terminal.rows + row : row;
    return (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd();
  };
  const screen = (): string => {
    const lines: string[] = [];
    for (let y = 0; y < terminal.rows; y++) lines.push(lineAt(y));
    return lines.join('\n');
  };
  const waitUntil = async (
    condition: (text: string) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Let xterm finish parsing what arrived before reading the buffer.
      await new Promise<void>((resolve) => terminal.write('', resolve));
      const text = screen();
      if (condition(text)) return;
      if (exitCode !== undefined)
        throw new Error(
          `agentmux exited (${exitCode}) while waiting for ${what}; screen:\n${text}`,
        );
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    pid: child.pid,
    screen,
    line: lineAt,
    waitUntil,
    waitFor: (pattern, timeoutMs) =>
      waitUntil(
        (text) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)),
        String(pattern),
        timeoutMs,
      ),
    write: (data) => child.write(data),
    output: () => chunks.join(''),
    firstOutput,
    bytesWritten: () => bytes,
    resize: (c, r) => {
      child.resize(c, r);
      terminal.resize(c, r);
    },
    exited: (timeoutMs = 10_000) =>
      new Promise<number>((resolve, reject) => {
        if (exitCode !== undefined) return resolve(exitCode);
        const timer = setTimeout(
          () => reject(new Error(`agentmux did not exit; screen:\n${screen()}`)),
          timeoutMs,
        );
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      }),
    hangup: () => {
      // node-pty's destroy (not in its typings) closes the master side, then sends SIGHUP.
      const destroy: unknown = Reflect.get(child, 'destroy');
      if (typeof destroy === 'function') destroy.call(child);
    },
    kill: () => {
      if (exitCode === undefined) child.kill('SIGKILL');
      if (!disposed) terminal.dispose();
      disposed = true;
    },
  };
}
