// The delivery rule of DESIGN.md §4 for PTY agents: a nudge is typed exactly as given, then a
// separate `\r` after a short gap (a TUI that detects pastes sees two writes). With a `ready`
// pattern, texts wait until it matches the bottom of the screen, so nothing is typed into a
// confirmation dialog, and they go out in order, one per prompt.

/** Time for the gap between a text and its `\r`, injectable so tests drive it by hand. */
export type PtyTimer = { schedule(fn: () => void, ms: number): () => void };

/** setTimeout behind the PtyTimer shape. */
export const systemPtyTimer: PtyTimer = {
  schedule: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** The gap between a text and its `\r`. */
export const ENTER_GAP_MS = 30;
/** How many non-empty bottom lines the `ready` pattern is matched against. */
export const READY_LINES = 5;

/** Where typed text goes, and the screen's bottom lines for the `ready` pattern. */
export type DeliveryTarget = {
  write(data: string): void;
  bottomText(lines: number): string;
};

/** Texts waiting to be typed into one child, in order. */
export class PtyDelivery {
  private readonly waiting: string[] = [];
  private cancelEnter: (() => void) | undefined;
  /** After an `\r`, the screen must change before `ready` is trusted again (it still shows the old prompt). */
  private awaitingChange = false;

  constructor(
    private readonly target: DeliveryTarget,
    private readonly ready: RegExp | undefined,
    private readonly timer: PtyTimer = systemPtyTimer,
    private readonly gapMs: number = ENTER_GAP_MS,
  ) {}

  /** Texts not typed yet. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Types `text` now if the child is ready (`delivered`), else keeps it for later (`queued`). */
  enqueue(text: string): 'delivered' | 'queued' {
    this.waiting.push(text);
    this.pump();
    return this.waiting.includes(text) ? 'queued' : 'delivered';
  }

  /** The screen changed: a waiting text may go now. */
  screenChanged(): void {
    this.awaitingChange = false;
    this.pump();
  }

  /** Drops what waits and the pending `\r` (the child exited or restarts). */
  clear(): void {
    this.waiting.length = 0;
    this.cancelEnter?.();
    this.cancelEnter = undefined;
    this.awaitingChange = false;
  }

  private isReady(): boolean {
    if (this.ready === undefined) return true;
    if (this.awaitingChange) return false;
    return this.ready.test(this.target.bottomText(READY_LINES));
  }

  private pump(): void {
    if (this.cancelEnter !== undefined) return;
    const next = this.waiting[0];
    if (next === undefined || !this.isReady()) return;
    this.waiting.shift();
    this.target.write(next);
    this.cancelEnter = this.timer.schedule(() => {
      this.cancelEnter = undefined;
      this.target.write('\r');
      this.awaitingChange = this.ready !== undefined;
      this.pump();
    }, this.gapMs);
  }
}
