// A workflow call before and after its agent exists (DESIGN.md §9): while queued for a slot,
// `skip` resolves it without ever starting it, `accept` has nothing to take, a send is kept for its
// first turn, and its prompt may be replaced (issue 14); once started, `skip` and `accept` go to the
// running call.
import type { CallSteering } from '../../core/workflow/call-state.js';

/** What the running call does for `skip` and `accept`. */
export type StartedSteering = Pick<CallSteering, 'skip' | 'accept'>;

/** One call's steering, queued until `started`. */
export class QueuedCall {
  private readonly skip = new AbortController();
  private readonly held: string[] = [];
  private live: StartedSteering | undefined;
  /** Editors open on the prompt (prompt-edit): the call waits to start until none is. */
  private editors = 0;
  private readonly editorsClosed: (() => void)[] = [];
  /** What `skip`, `accept` and a send to the queued agent do (the registry's entry holds it). */
  readonly steering: CallSteering;

  constructor(
    name: () => string,
    private startingPrompt: string,
  ) {
    const queued = (): boolean => this.live === undefined && !this.skip.signal.aborted;
    this.steering = {
      skip: () => {
        if (this.live !== undefined) return this.live.skip();
        this.skip.abort();
        return `skipped ${name()} while queued: its call resolved to null, it never starts`;
      },
      accept: () => this.live?.accept() ?? { ok: false, error: `${name()} is queued: it has no answer yet (skip it instead)` },
      sendQueued: (text) => {
        if (!queued()) return false;
        this.held.push(text);
        return true;
      },
      queuedPrompt: () => (queued() ? this.startingPrompt : undefined),
      replacePrompt: (text) => {
        if (!queued()) return false;
        this.startingPrompt = text;
        return true;
      },
      holdStart: () => {
        if (!queued()) return undefined;
        this.editors += 1;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.editors -= 1;
          if (this.editors === 0) for (const resolve of this.editorsClosed.splice(0)) resolve();
        };
      },
    };
  }

  /** Aborted when the call was skipped while queued: its slot request is withdrawn. */
  get skipped(): AbortSignal {
    return this.skip.signal;
  }

  /** True while an editor holds the prompt open: the call must not start yet. */
  get editing(): boolean {
    return this.editors > 0;
  }

  /** Resolves once no editor holds the prompt (at once when none does). */
  editsClosed(): Promise<void> {
    if (this.editors === 0) return Promise.resolve();
    return new Promise((resolve) => this.editorsClosed.push(resolve));
  }

  /** The prompt the agent starts with: the script's, or what the person replaced it with while queued. */
  get prompt(): string {
    return this.startingPrompt;
  }

  /** The agent exists: steering goes to it from now on. */
  started(live: StartedSteering): void {
    this.live = live;
  }

  /** What was sent while queued, in order (it joins the first turn). */
  texts(): readonly string[] {
    return [...this.held];
  }
}
