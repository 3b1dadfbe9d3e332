// core's PtyLauncher with node-pty: spawns a PTY agent's command in its cwd, with the layout's
// env over agentmux's own, and feeds the output to an @xterm/headless emulator (never to the
// real terminal). The emulator's answers to terminal queries (DA, DSR, cursor position) go back
// to the child. The child leads its own session, so closing kills its whole process group.
import * as pty from 'node-pty';
import { Emitter, type Disposable } from '../../core/events.js';
import type { PtyExit, PtyLaunchSpec, PtySession } from '../../core/pty-session.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { groupAlive, signalGroup, trackGroup } from './pty-groups.js';
import { XtermScreen } from './xterm-screen.js';
import { SECRET_VARIABLES, withoutSecrets } from '../tools/secrets.js';

/** Output not yet parsed by the emulator above which the child is paused (a flood must not pile up). */
export const HIGH_WATER_CHARS = 256 * 1024;
const LOW_WATER_CHARS = 32 * 1024;
/** Time the group gets between SIGHUP and SIGKILL on close. */
const KILL_GRACE_MS = 300;

/**
 * Variables naming the terminal agentmux runs in: the child's terminal is agentmux's emulator, so
 * they would mislead it (Claude Code seeing TMUX prints a tmux focus-events hint under its prompt).
 */
const OUTER_TERMINAL_VARIABLES = new Set(['TMUX', 'TMUX_PANE', 'TERM_PROGRAM', 'TERM_PROGRAM_VERSION']);

/**
 * agentmux's environment (less the outer terminal's identity, and less the API key unless the
 * layout's env names it), the emulator's terminal type, then the layout's env on top.
 */
export function childEnvironment(
  own: Readonly<Record<string, string | undefined>>,
  layout: Readonly<Record<string, string>>,
  secrets: readonly string[] = SECRET_VARIABLES,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(withoutSecrets(own, layout, secrets))) {
    if (!OUTER_TERMINAL_VARIABLES.has(key)) env[key] = value;
  }
  env['TERM'] = 'xterm-256color';
  env['COLORTERM'] = 'truecolor';
  return Object.assign(env, layout);
}

/** A launcher whose children never get the `secrets` variables (the providers file's keys too). */
export function ptyLauncherWithout(secrets: readonly string[]): (spec: PtyLaunchSpec) => Result<PtySession> {
  return (spec) => launchPtyWithout(spec, secrets);
}

/** Spawns `spec.command` under node-pty with an emulator of `spec.cols` × `spec.rows`. */
export function launchPty(spec: PtyLaunchSpec): Result<PtySession> {
  return launchPtyWithout(spec, SECRET_VARIABLES);
}

function launchPtyWithout(spec: PtyLaunchSpec, secrets: readonly string[]): Result<PtySession> {
  const [file, ...args] = spec.command;
  if (file === undefined || file === '') return err('no command to run');
  let child: pty.IPty;
  try {
    child = pty.spawn(file, args, {
      name: 'xterm-256color',
      cols: spec.cols,
      rows: spec.rows,
      cwd: spec.cwd,
      env: childEnvironment(process.env, spec.env, secrets),
    });
  } catch (thrown) {
    return err(`${file}: ${messageOf(thrown)}`);
  }
  trackGroup(child.pid);
  return ok(new NodePtySession(child, new XtermScreen(spec.cols, spec.rows)));
}

/** One child and its emulator. */
class NodePtySession implements PtySession {
  private readonly screenChanges = new Emitter<void>();
  private readonly exits = new Emitter<PtyExit>();
  private readonly owned: Disposable[] = [];
  private unparsed = 0;
  private paused = false;
  private exited = false;
  private disposed = false;

  constructor(
    private readonly child: pty.IPty,
    readonly screen: XtermScreen,
  ) {
    const terminal = screen.terminal;
    this.owned.push(
      child.onData((data) => this.output(data)),
      child.onExit(({ exitCode, signal }) => {
        this.exited = true;
        // Let the emulator finish what arrived before saying the child is gone.
        terminal.write('', () => this.exits.emit({ code: exitCode, signal: signal === 0 ? undefined : signal }));
      }),
      // The emulator answers queries (DA, DSR, CPR…) as a terminal would: back to the child.
      terminal.onData((answer) => {
        if (!this.exited) child.write(answer);
      }),
      terminal.onWriteParsed(() => {
        screen.changed();
        this.screenChanges.emit();
      }),
    );
  }

  get pid(): number {
    return this.child.pid;
  }

  write(data: string): void {
    if (!this.exited && !this.disposed) this.child.write(data);
  }

  resize(cols: number, rows: number): void {
    if (this.disposed) return;
    this.screen.terminal.resize(cols, rows);
    if (!this.exited) {
      try {
        this.child.resize(cols, rows);
      } catch {
        // The child exited between the check and the call.
      }
    }
    this.screen.changed();
    this.screenChanges.emit();
  }

  onScreenChange(listener: () => void): Disposable {
    return this.screenChanges.on(listener);
  }

  onExit(listener: (exit: PtyExit) => void): Disposable {
    return this.exits.on(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const subscription of this.owned.splice(0)) subscription.dispose();
    this.screenChanges.clear();
    this.exits.clear();
    const pid = this.child.pid;
    // Once the leader has exited, what it left running in its group goes too.
    if (!this.exited || groupAlive(pid)) {
      signalGroup(pid, 'SIGHUP');
      // The leader may exit on SIGHUP while others of its group ignore it: the timer kills the
      // group, not the leader. At quit `settlePtyGroups` does this before the process exits.
      const killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    }
    this.screen.dispose();
  }

  // Output goes to the emulator; past the high-water mark the child is paused until it catches up.
  private output(data: string): void {
    if (this.disposed) return;
    this.unparsed += data.length;
    if (!this.paused && this.unparsed > HIGH_WATER_CHARS) {
      this.paused = true;
      this.child.pause();
    }
    this.screen.terminal.write(data, () => {
      this.unparsed -= data.length;
      if (this.paused && this.unparsed < LOW_WATER_CHARS && !this.disposed) {
        this.paused = false;
        this.child.resume();
      }
    });
  }
}
