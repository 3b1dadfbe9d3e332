// Fires once when nothing was `touch`ed for `idleMs`: the SDK never times out a stalled stream.

/**
 * A timer that fires `onIdle` after `idleMs` without a touch. Touching only records the time,
 * so the per-event cost stays at one clock read (no timer churn per token).
 */
export class IdleWatchdog {
  private last = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private fired = false;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {
    this.schedule(idleMs);
  }

  /** True once the stream was declared stalled. */
  get stalled(): boolean {
    return this.fired;
  }

  touch(): void {
    this.last = performance.now();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.check(), Math.max(1, delayMs));
  }

  private check(): void {
    const idle = performance.now() - this.last;
    if (idle < this.idleMs) {
      this.schedule(this.idleMs - idle);
      return;
    }
    this.timer = undefined;
    this.fired = true;
    this.onIdle();
  }
}
