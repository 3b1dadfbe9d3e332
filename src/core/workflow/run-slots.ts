// The run's concurrency cap (DESIGN.md §9): at most N agents hold a slot at once, from their
// first request until their call resolves; the others wait, first come first served.

/** A counting semaphore whose waiters can give up (a call that resolves while still queued). */
export class RunSlots {
  private held = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(private readonly capacity: number) {}

  /** Resolves once a slot is this caller's; rejects nothing. `signal` withdraws a queued request. */
  acquire(signal: AbortSignal): Promise<'granted' | 'withdrawn'> {
    if (signal.aborted) return Promise.resolve('withdrawn');
    if (this.held < this.capacity) {
      this.held += 1;
      return Promise.resolve('granted');
    }
    return new Promise((resolve) => {
      const waiter = {
        grant: (): void => {
          signal.removeEventListener('abort', onAbort);
          this.held += 1;
          resolve('granted');
        },
      };
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve('withdrawn');
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Gives a slot back; the longest waiter gets it. */
  release(): void {
    this.held -= 1;
    this.waiting.shift()?.grant();
  }

  /** How many slots are held now. */
  inUse(): number {
    return this.held;
  }

  /** How many calls wait for a slot. */
  queued(): number {
    return this.waiting.length;
  }
}
