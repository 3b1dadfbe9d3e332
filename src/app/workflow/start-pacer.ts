// Agent starts of a workflow run, one per turn of the event loop. A run with 16 at once whose
// answers take as long as each other frees its slots in waves: 16 agents finished in one batch of
// socket reads and the 16 next ones started in that same batch (a session, its journal, its
// first request each), and a key pressed meanwhile waited behind all of them (issue 17: a
// 1,000-agent run's key p99). Paced, each start runs in its own loop turn and a key is read
// between two starts. Nothing is skipped or reordered: starts go first come, first served.

/** Hands out turns to start an agent, at most one per event-loop turn. */
export class StartPacer {
  private readonly waiting: (() => void)[] = [];
  private next: ReturnType<typeof setImmediate> | undefined;

  /** Resolves when this start may go: in a later loop turn than the previous start's. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.next !== undefined || this.waiting.length === 0) return;
    // setImmediate: I/O callbacks that are ready (a key) run before the next one.
    this.next = setImmediate(() => {
      this.next = undefined;
      this.waiting.shift()?.();
      this.schedule();
    });
  }
}
