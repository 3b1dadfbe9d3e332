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

/** A paced answer: here now, or later once its background slices ran (`total` files to go through). */
export type Paced<T> = { readonly kind: 'now'; readonly value: T } | { readonly kind: 'later'; readonly total: number; readonly value: Promise<Result<T>> };

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
    const paced = this.pace(agent, op, steps);
    if (paced.kind === 'now') return paced.value;
    void paced.value.then((outcome) => {
      const answer = outcome.ok ? outcome.value : err(`${agent.name}: the ${op} stopped: ${outcome.error}`);
      this.d.events.emit({ type: 'notice', agent: agent.name, level: answer.ok ? 'info' : 'error', message: answer.ok ? answer.value : answer.error });
    });
    const count = paced.total === 1 ? '1 file' : `${paced.total} files`;
    return ok(`${agent.name}: ${op} under way (${count}); its pane shows the progress and it takes no input until it is done`);
  }

  /**
   * Runs `steps` to the end now when small, else in slices while the agent refuses input; the
   * `later` answer settles with the steps' value, or an error when they threw or agentmux quit.
   */
  pace<T>(agent: SdkAgent, op: RestoreOpName, steps: RestoreSteps<T>): Paced<T> {
    for (;;) {
      const step = steps.next();
      if (step.done === true) return { kind: 'now', value: step.value };
      if (step.value.total < this.d.pace.backgroundFrom) continue;
      const progress = step.value;
      const before = agent.detail;
      let finish = (): void => undefined;
      const ended = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const job: Job = { op, progress, shown: progressText(progress), ended };
      this.jobs.set(agent, job);
      agent.setDetail(job.shown);
      const value = this.slices(agent, job, steps)
        .catch((thrown: unknown) => err(messageOf(thrown)))
        .then((outcome) => {
          this.jobs.delete(agent);
          // A moved head already cleared an idle title; otherwise put back what the title said before.
          if (agent.detail === job.shown) agent.setDetail(before);
          this.d.settled(agent);
          finish();
          return outcome;
        });
      return { kind: 'later', total: progress.total, value };
    }
  }

  /** Steps in slices of at most `sliceMs` / `sliceFiles`, the loop handed back before each. */
  private async slices<T>(agent: SdkAgent, job: Job, steps: RestoreSteps<T>): Promise<Result<T>> {
    for (;;) {
      await this.d.yieldToLoop();
      if (this.stopping) return err('agentmux quit part-way; the next start says what is left');
      const began = this.d.now();
      for (let files = 0; files < this.d.pace.sliceFiles && this.d.now() - began < this.d.pace.sliceMs; files++) {
        const step = steps.next();
        if (step.done === true) return ok(step.value);
        job.progress = step.value;
      }
      job.shown = progressText(job.progress);
      agent.setDetail(job.shown);
    }
  }
}
