// The port of a hosted program (DESIGN.md §4 "PTY agents"): a child in a pseudo-terminal whose
// output an emulator keeps as a screen. core drives it through this interface only; the
// adapter (src/adapters/pty/) implements it with node-pty and @xterm/headless.
import type { Disposable } from './events.js';
import type { Result } from './result.js';

/** A cell colour as the emulator holds it: the terminal's default, a palette index (0–255), or 24-bit RGB. */
export type PtyColour =
  | { readonly kind: 'default' }
  | { readonly kind: 'palette'; readonly index: number }
  | { readonly kind: 'rgb'; readonly red: number; readonly green: number; readonly blue: number };

/** How a run of cells looks. */
export type PtyStyle = {
  readonly fg: PtyColour;
  readonly bg: PtyColour;
  readonly bold: boolean;
  readonly underline: boolean;
  readonly inverse: boolean;
};

/** Neighbouring cells of one row that share a style; `cells` counts columns (a wide char is 2). */
export type PtyRun = { readonly text: string; readonly cells: number; readonly style: PtyStyle };

/** What the view reads of an emulated screen, a row at a time (never the whole buffer). */
export interface PtyScreen {
  /** Grows on every change, so a pane can skip redrawing an unchanged screen. */
  readonly version: number;
  readonly cols: number;
  readonly rows: number;
  /** Lines in the buffer: scrollback plus the live screen. */
  readonly length: number;
  /** Index of the live screen's first line (the number of scrollback lines above it). */
  readonly baseY: number;
  /** The cursor on the live screen (0-based, `y` relative to `baseY`). */
  readonly cursor: { readonly x: number; readonly y: number; readonly visible: boolean };
  /** True when the child asked for application cursor keys (arrows as `ESC O A`). */
  readonly applicationCursorKeys: boolean;
  /** The styled runs of buffer line `index` (0 is the oldest scrollback line). */
  runs(index: number): readonly PtyRun[];
  /**
   * The last `count` non-empty lines of the live screen joined by `\n`, right-trimmed except the
   * cursor's line, which keeps the spaces up to the cursor (so `\$ $` matches a prompt).
   */
  bottomText(count: number): string;
}

/** How the child ended: its exit code, or the signal that killed it. */
export type PtyExit = { readonly code: number; readonly signal: number | undefined };

/** A running child in a pseudo-terminal, with the emulator that reads its output. */
export interface PtySession {
  readonly pid: number;
  readonly screen: PtyScreen;
  /** Types bytes into the child's terminal. */
  write(data: string): void;
  /** Resizes the child's terminal and the emulator together. */
  resize(cols: number, rows: number): void;
  /** Output was parsed into the screen (called at most once per parsed chunk, never per byte). */
  onScreenChange(listener: () => void): Disposable;
  onExit(listener: (exit: PtyExit) => void): Disposable;
  /** Kills the child's whole process group and frees the emulator; safe to call twice. */
  dispose(): void;
}

/** What a PTY agent runs: `command[0]` with the rest as arguments, in `cwd`, with `env` over agentmux's own. */
export type PtyLaunchSpec = {
  readonly command: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cols: number;
  readonly rows: number;
};

/** Starts a child (the adapter's node-pty spawn); an error value when it cannot start. */
export type PtyLauncher = (spec: PtyLaunchSpec) => Result<PtySession>;
