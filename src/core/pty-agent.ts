// The PTY side of an agent (DESIGN.md §4): it starts the command through the launcher port,
// follows the pane's size, types nudges by the delivery rule, sends Ctrl-C for an interrupt,
// reports "running" / "exited N" as the agent's state, and restarts the command on demand.
import type { SettableState } from './agent.js';
import type { Disposable } from './events.js';
import { PtyDelivery, systemPtyTimer, type PtyTimer } from './pty-delivery.js';
import type { PtyExit, PtyLauncher, PtyScreen, PtySession } from './pty-session.js';
import { err, ok, type Result } from './result.js';

/** What a layout (or `new NAME -- COMMAND`) says about a PTY agent. */
export type PtyAgentSpec = {
  readonly command: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Source of the `ready` regular expression, if any. */
  readonly ready: string | undefined;
};

/** What the PTY side needs from its owner: the launcher, the agent's state, and a "redraw me" signal. */
export type PtyAgentDeps = {
  readonly launch: PtyLauncher;
  readonly setState: (state: SettableState, detail: string) => void;
  /** The screen changed: coalesced into the next frame by the view. */
  readonly screenChanged: () => void;
  readonly timer?: PtyTimer;
};

/** Where the child is: running (with its session), exited (its last screen kept), or failed to start. */
type Phase =
  | { readonly kind: 'running'; readonly session: PtySession }
  | { readonly kind: 'exited'; readonly session: PtySession; readonly exit: PtyExit }
  | { readonly kind: 'failed'; readonly message: string };

const DEFAULT_COLS = 80;
const DEFAULT_ROWS = 24;

/** "exited 3" or "killed by signal 9". */
export function describeExit(exit: PtyExit): string {
  return exit.signal !== undefined && exit.signal !== 0 ? `killed by signal ${exit.signal}` : `exited ${exit.code}`;
}

/** One hosted child and its delivery queue; the agent owns it and disposes it on close. */
export class PtyAgent {
  private phase: Phase = { kind: 'failed', message: 'not started' };
  private delivery: PtyDelivery;
  private readonly ready: RegExp | undefined;
  private subscriptions: Disposable[] = [];
  private cols = DEFAULT_COLS;
  private rows = DEFAULT_ROWS;

  constructor(
    readonly spec: PtyAgentSpec,
    private readonly cwd: string,
    private readonly deps: PtyAgentDeps,
  ) {
    this.ready = spec.ready === undefined ? undefined : new RegExp(spec.ready);
    this.delivery = this.newDelivery();
  }

  /** The command line as one string, for titles and messages. */
  get commandLine(): string {
    return this.spec.command.join(' ');
  }

  /** The screen to draw (kept after an exit); undefined when the command never started. */
  get screen(): PtyScreen | undefined {
    return this.phase.kind === 'failed' ? undefined : this.phase.session.screen;
  }

  /** True while the child runs. */
  get running(): boolean {
    return this.phase.kind === 'running';
  }

  /** Texts waiting for the `ready` pattern. */
  get queued(): number {
    return this.delivery.pending;
  }

  /** Starts the command (first start, or again after `restart`). */
  start(): Result<string> {
    this.stop();
    const launched = this.deps.launch({
      command: this.spec.command,
      cwd: this.cwd,
      env: this.spec.env,
      cols: this.cols,
      rows: this.rows,
    });
    if (!launched.ok) {
      this.phase = { kind: 'failed', message: launched.error };
      this.deps.setState('error', launched.error);
      return launched;
    }
    const session = launched.value;
    this.phase = { kind: 'running', session };
    this.subscriptions = [
      session.onScreenChange(() => {
        this.delivery.screenChanged();
        this.deps.screenChanged();
        this.showState();
      }),
      session.onExit((exit) => this.onExit(session, exit)),
    ];
    this.showState();
    this.deps.screenChanged();
    return ok(`started ${this.commandLine}`);
  }

  /** Follows the pane: the child's terminal gets the pane's inner size. */
  resize(cols: number, rows: number): void {
    const c = Math.max(2, Math.floor(cols));
    const r = Math.max(1, Math.floor(rows));
    if (c === this.cols && r === this.rows) return;
    this.cols = c;
    this.rows = r;
    if (this.phase.kind === 'running') this.phase.session.resize(c, r);
  }

  /** Types `text` (then `\r`) now, or once `ready` matches; refused when the child is not running. */
  deliver(name: string, text: string): { outcome: 'delivered' | 'queued' | 'refused'; detail: string } {
    if (this.phase.kind !== 'running') return { outcome: 'refused', detail: this.notRunning(name) };
    const outcome = this.delivery.enqueue(text);
    this.showState();
    if (outcome === 'delivered') return { outcome, detail: 'typed' };
    return { outcome, detail: 'waits until its ready pattern matches' };
  }

  /** Keys typed while attached go to the child as they are. */
  type(data: string): void {
    if (this.phase.kind === 'running') this.phase.session.write(data);
  }

  /** One Ctrl-C. */
  interrupt(name: string): Result<string> {
    if (this.phase.kind !== 'running') return err(this.notRunning(name));
    this.phase.session.write('\x03');
    return ok(`sent Ctrl-C to ${name}`);
  }

  /** Kills the child if it runs and starts the command again in the same pane. */
  restart(name: string): Result<string> {
    const started = this.start();
    return started.ok ? ok(`restarted ${name} (${this.commandLine})`) : started;
  }

  /** Kills the child and frees the emulator (close, quit). */
  dispose(): void {
    this.stop();
    this.phase = { kind: 'failed', message: 'closed' };
  }

  private stop(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.delivery.clear();
    this.delivery = this.newDelivery();
    if (this.phase.kind !== 'failed') this.phase.session.dispose();
  }

  private newDelivery(): PtyDelivery {
    return new PtyDelivery(
      {
        write: (data) => {
          if (this.phase.kind === 'running') this.phase.session.write(data);
        },
        bottomText: (lines) => (this.phase.kind === 'running' ? this.phase.session.screen.bottomText(lines) : ''),
      },
      this.ready,
      this.deps.timer ?? systemPtyTimer,
    );
  }

  private onExit(session: PtySession, exit: PtyExit): void {
    if (this.phase.kind !== 'running' || this.phase.session !== session) return;
    this.phase = { kind: 'exited', session, exit };
    this.delivery.clear();
    this.showState();
    this.deps.screenChanged();
  }

  private notRunning(name: string): string {
    switch (this.phase.kind) {
      case 'exited':
        return `${name} has ${describeExit(this.phase.exit)}: :restart starts it again`;
      case 'failed':
        return `${name} is not running (${this.phase.message}): :restart starts it again`;
      case 'running':
        return `${name} is running`;
    }
  }

  private showState(): void {
    switch (this.phase.kind) {
      case 'running': {
        const queued = this.delivery.pending;
        this.deps.setState('idle', queued === 0 ? 'running' : `running · ${queued} queued until ready`);
        return;
      }
      case 'exited': {
        const exit = this.phase.exit;
        const clean = exit.code === 0 && (exit.signal === undefined || exit.signal === 0);
        this.deps.setState(clean ? 'idle' : 'error', `${describeExit(exit)} · :restart starts it again`);
        return;
      }
      case 'failed':
        this.deps.setState('error', this.phase.message);
        return;
    }
  }
}
