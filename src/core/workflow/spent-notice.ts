// The run's `budget.spent()` as the script's worker sees it (DESIGN.md §9): each spend used to post
// a message to the worker; now the total is posted at most once per microtask turn, and always
// before any other message the worker gets (a value, a throw, a script), so whatever the script
// can observe — it reads `budget.spent()` only between messages — is exactly what it was.
/** Coalesces the run's spent total for the worker; see the file comment. */
export class SpentNotice {
  private latest: number | undefined;
  private scheduled = false;

  constructor(private readonly post: (outputTokens: number) => void) {}

  /** The run's total is now `outputTokens`: the worker hears it by the end of this turn. */
  changed(outputTokens: number): void {
    this.latest = outputTokens;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Posts the total now if it changed since last posted (before any other message to the worker). */
  flush(): void {
    const total = this.latest;
    if (total === undefined) return;
    this.latest = undefined;
    this.post(total);
  }
}
