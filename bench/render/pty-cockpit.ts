// agentmux in a pseudo-terminal for the bench: every output chunk is timestamped on arrival
// and fed to @xterm/headless, so a screen condition can be dated by the chunk that made it true
// (the parse time of the bench's own terminal is not counted against agentmux).
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { useUnicode11Widths } from '../../src/adapters/pty/unicode-widths.js';

const { Terminal } = xterm;

export type CockpitOptions = {
  readonly script: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly cols: number;
  readonly rows: number;
  readonly nodeArgs?: readonly string[];
};

/** A condition on the screen, met by the chunk that arrived at `at` (performance.now()). */
export type Met = { readonly at: number };

/** The running cockpit as the bench sees it. */
export type PtyCockpit = {
  readonly pid: number;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  /** Bytes and chunks written to the terminal so far, and when the last chunk came. */
  readonly bytes: () => number;
  readonly chunks: () => number;
  /** Output bursts: chunks that came more than 2 ms after the previous one (≈ frames). */
  readonly bursts: () => number;
  line(row: number): string;
  screen(): string;
  /** Resolves when `condition(screen)` holds after some chunk; dated by that chunk's arrival. */
  waitUntil(condition: (cockpit: PtyCockpit) => boolean, what: string, timeoutMs: number): Promise<Met>;
  write(data: string): void;
  /** Also hands every output chunk to `listener` (frame-bytes.ts); returns the disposer. */
  tap(listener: (data: string) => void): () => void;
  exited(timeoutMs: number): Promise<number | undefined>;
  kill(): void;
};

/** Spawns `node [nodeArgs] SCRIPT ARGS…` in a pty of the given size. */
export function startPtyCockpit(options: CockpitOptions): PtyCockpit {
  const { cols, rows } = options;
  const terminal = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  useUnicode11Widths(terminal); // the cockpit's width table, as the e2e driver uses
  const spawnedAt = performance.now();
  const child = pty.spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...options.args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd,
    env: { ...options.env },
  });
  let bytes = 0;
  let chunks = 0;
  let bursts = 0;
  let lastChunkAt = Number.NEGATIVE_INFINITY;
  let exitCode: number | undefined;
  let disposed = false;
  const exitWaiters: ((code: number) => void)[] = [];
  // Checked after each chunk is parsed; a check that holds resolves with that chunk's arrival.
  const checks = new Set<(at: number) => void>();
  const taps = new Set<(data: string) => void>();

  const cockpit: PtyCockpit = {
    pid: child.pid,
    spawnedAt,
    bytes: () => bytes,
    chunks: () => chunks,
    bursts: () => bursts,
    line(row) {
      const buffer = terminal.buffer.active;
      const y = row < 0 ? rows + row : row;
      return (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd();
    },
    screen() {
      const lines: string[] = [];
      for (let y = 0; y < rows; y++) lines.push(cockpit.line(y));
      return lines.join('\n');
    },
    waitUntil(condition, what, timeoutMs) {
      return new Promise<Met>((resolve, reject) => {
        const check = (at: number): void => {
          if (!condition(cockpit)) return;
          finish();
          resolve({ at });
        };
        const finish = (): void => {
          checks.delete(check);
          clearTimeout(timer);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${cockpit.screen()}`));
        }, timeoutMs);
        checks.add(check);
        // Already true on the screen as parsed so far: dated now.
        terminal.write('', () => check(performance.now()));
      });
    },
    write: (data) => child.write(data),
    tap(listener) {
      taps.add(listener);
      return () => taps.delete(listener);
    },
    exited: (timeoutMs) =>
      new Promise<number | undefined>((resolve) => {
        if (exitCode !== undefined) return resolve(exitCode);
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        exitWaiters.push((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      }),
    kill() {
      if (exitCode === undefined) child.kill('SIGKILL');
      if (!disposed) terminal.dispose();
      disposed = true;
    },
  };

  child.onData((data) => {
    const at = performance.now();
    bytes += Buffer.byteLength(data);
    chunks += 1;
    if (at - lastChunkAt > 2) bursts += 1;
    lastChunkAt = at;
    for (const tap of taps) tap(data);
    if (disposed) return;
    terminal.write(data, () => {
      for (const check of [...checks]) check(at);
    });
  });
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    for (const waiter of exitWaiters.splice(0)) waiter(code);
    for (const check of [...checks]) check(performance.now());
  });
  return cockpit;
}
