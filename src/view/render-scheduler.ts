// Coalesces render requests into at most one frame per ~33 ms (30 frames/s: streaming text
// reads as smooth, and each frame's cost is paid half as often as at 60), renders at once on a
// keypress, and keeps no timer at all while nothing asked for a frame (zero frames idle).

/** Time and timers, injectable so tests can drive frames by hand. */
export type FrameClock = {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  schedule(fn: () => void, ms: number): () => void;
};

export const systemClock: FrameClock = {
  now: () => performance.now(),
  schedule: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** The shortest gap between two coalesced (streaming) frames; a keypress frame never waits for it. */
export const FRAME_MS = 33;

/** Owns the one pending frame; `render` is the whole frame (refresh panes, then draw). */
export class RenderScheduler {
  private cancelPending: (() => void) | undefined;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private disposed = false;
  private rendering = false;
  private frames = 0;

  constructor(
    private readonly render: () => void,
    private readonly clock: FrameClock = systemClock,
    private readonly frameMs: number = FRAME_MS,
  ) {}

  /** Frames drawn so far (for tests and the bench). */
  get frameCount(): number {
    return this.frames;
  }

  /** True while a frame is waiting for its slot. */
  get pending(): boolean {
    return this.cancelPending !== undefined;
  }

  /** Something changed: draw it in the next frame slot (many calls, one frame). */
  request(): void {
    // A request made while a frame is being drawn (by its own before-frame work) is that frame.
    if (this.disposed || this.cancelPending !== undefined || this.rendering) return;
    const wait = Math.max(0, this.lastFrameAt + this.frameMs - this.clock.now());
    this.cancelPending = this.clock.schedule(() => {
      this.cancelPending = undefined;
      this.frame();
    }, wait);
  }

  /** Draw now (the keypress path); a pending frame is folded into this one. */
  renderNow(): void {
    if (this.disposed) return;
    this.cancel();
    this.frame();
  }

  /** Stops for good; a pending frame is dropped. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    const cancel = this.cancelPending;
    this.cancelPending = undefined;
    if (cancel !== undefined) cancel();
  }

  private frame(): void {
    this.lastFrameAt = this.clock.now();
    this.frames++;
    this.rendering = true;
    try {
      this.render();
    } finally {
      this.rendering = false;
    }
  }
}
