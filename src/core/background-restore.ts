// Runs a rewind's, switch's or undo's file restore (restore-steps.ts) without freezing the
// cockpit: a small one finishes inside the command as before; one over `backgroundFrom` files
// goes on in slices of a few milliseconds that hand the event loop back in between, so keys and
// every other agent's stream keep answering. While it runs the agent's title shows
// `restoring files 1200/2940` and the agent takes no input; the outcome arrives as a notice.
// The journal records (undo point, restore-intent, restore-done, head move) are the ones the
// steps write either way, so a crash or quit part-way is reported at the next start.
import type { SdkAgent } from './agent.js';
import type { ControllerEvent, Emitter } from './events.js';
import { progressText, type RestoreProgress, type RestoreSteps } from './restore-steps.js';
import { err, messageOf, ok, type Result } from './result.js';

/** When a restore leaves the command for the background, and how long each slice may hold the loop. */
export type RestorePace = {
  /** A restore checking or writing at least this many files runs in the background. */
  readonly backgroundFrom: number;
  /** A slice gives the loop back after this many milliseconds... */
  readonly sliceMs: number;
  /** ...or after this many files, whichever comes first. */
  readonly sliceFiles: number;
};

/** 8 ms slices: DESIGN.md §6 allows no event-loop stall longer than that. */
export const DEFAULT_RESTORE_PACE: RestorePace = { backgroundFrom: 200, sliceMs: 8, sliceFiles: 256 };

export type BackgroundRestoreDeps = {
  readonly events: Emitter<ControllerEvent>;
  readonly now: () => number;
  /** Resolves once the event loop has run what was waiting (setImmediate in the app). */
  readonly yieldToLoop: () => Promise<void>;
  readonly pace: RestorePace;
  /** Called when a background restore ends, so the catalog row follows the head. */
  readonly settled: (agent: SdkAgent) => void;
};

/** The operation words used in what the person reads. */
export type RestoreOpName = 'rewind' | 'undo' | 'switch';

type Job = { readonly op: RestoreOpName; progress: RestoreProgress; shown: string; readonly ended: Promise<void> };

/** Background file restores, at most one per agent. */
export class BackgroundRestores {
  private readonly jobs = new Map<SdkAgent, Job>();
  private stopping = false;

  constructor(private readonly d: BackgroundRestoreDeps) {}

  /** Why `agent` takes no input now (a restore under way), or undefined when it is free. */
  refusal(agent: SdkAgent): string | undefined {
    const job = this.jobs.get(agent);
    if (job === undefined) return undefined;
    const { done, total } = job.progress;
    const where = job.progress.phase === 'checking' ? `checking ${done}/${total} files` : `${done}/${total} files restored`;
    return `${agent.name} is restoring files for its ${job.op} (${where}): it takes no input until that is done`;
  }

  /** Settles once every background restore running now has ended (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.ended));
  }

  /**
   * At quit: each running restore stops before its next slice, its journal's restore-intent left
   * open, so the next start says it was cut short (as after a crash) instead of quit waiting.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /**
   * Runs `steps`: to the end now when it stays small (its own answer is returned), else on in the
   * background, answering at once that it started; its outcome then comes as a notice.
   */
  start(agent: SdkAgent, op: RestoreOpName, steps: RestoreSteps<Result<string>>): Result<string> {
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      if (step.value.total >= this.d.pace.backgroundFrom) {
        const progress = step.value;
        let finish = (): void => undefined;
        const ended = new Promise<void>((resolve) => {
          finish = resolve;
        });
        const before = agent.detail;
        const job: Job = { op, progress, shown: progressText(progress), ended };
        this.jobs.set(agent, job);
        agent.setState(agent.state, job.shown);
        void this.continue(agent, op, steps, before).finally(finish);
        const count = progress.total === 1 ? '1 file' : `${progress.total} files`;
        return ok(`${agent.name}: ${op} under way (${count}); its pane shows the progress and it takes no input until it is done`);
      }
    }
  }

  private async continue(agent: SdkAgent, op: RestoreOpName, steps: RestoreSteps<Result<string>>, detailBefore: string): Promise<void> {
    let outcome: Result<string>;
    try {
      outcome = await this.slices(agent, steps);
    } catch (thrown) {
      outcome = err(`${agent.name}: the ${op} stopped: ${messageOf(thrown)}`);
    }
    const shown = this.jobs.get(agent)?.shown;
    this.jobs.delete(agent);
    // A moved head already cleared an idle title; otherwise put back what the title said before.
    if (agent.detail === shown) agent.setState(agent.state, detailBefore);
    this.d.settled(agent);
    this.d.events.emit({ type: 'notice', agent: agent.name, level: outcome.ok ? 'info' : 'error', message: outcome.ok ? outcome.value : outcome.error });
  }

  /** Steps in slices of at most `sliceMs` / `sliceFiles`, the loop handed back before each. */
  private async slices(agent: SdkAgent, steps: RestoreSteps<Result<string>>): Promise<Result<string>> {
    for (;;) {
      await this.d.yieldToLoop();
      if (this.stopping) return err(`${agent.name}: agentmux quit part-way through the restore; the next start says what is left`);
      const began = this.d.now();
      for (let files = 0; files < this.d.pace.sliceFiles && this.d.now() - began < this.d.pace.sliceMs; files++) {
        const step = steps.next();
        if (step.done === true) return step.value;
        const job = this.jobs.get(agent);
        if (job !== undefined) job.progress = step.value;
      }
      const job = this.jobs.get(agent);
      if (job === undefined) continue;
      job.shown = progressText(job.progress);
      agent.setState(agent.state, job.shown);
    }
  }
}
