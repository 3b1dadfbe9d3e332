// The runs live in one agentmux, behind the `run` and `run-stop` commands (`:` and ctl): each
// `start` prepares a run at once (its id is the answer) and launches its worker; `stop` finds a
// run by id or script name. Several runs may be live at once (DESIGN.md §9).
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import { LiveRuns } from '../../core/workflow/live-runs.js';
import type { RunEnd } from '../../core/workflow/run-events.js';
import type { WorkflowRunsApi } from '../../core/workflow/workflow-runs-api.js';
import { prepareRun, type LiveRun, type StartRunOptions } from './start-run.js';

/** What every run started here shares (the ref and args come with each `run`). */
export type RunDefaults = Omit<StartRunOptions, 'ref' | 'args'>;

/**
 * A cost threshold in force (issue 16): `needed` dry-runs the run and answers why it must be
 * confirmed (undefined: it may start). `:run` and ctl never ask: above it they are refused unless `--yes`.
 */
export type RunConfirmation = {
  readonly threshold: number;
  readonly needed: (ref: string, args: JsonValue | undefined) => Promise<Result<string | undefined>>;
};

/** Starts and stops runs; `onEnded` hears each run's end (the status bar, the log). */
export class WorkflowRuns implements WorkflowRunsApi {
  private readonly live = new LiveRuns<LiveRun>();
  private readonly launching = new Set<Promise<void>>();

  constructor(
    private readonly defaults: RunDefaults,
    private readonly onEnded: (run: { readonly id: string; readonly name: string }, end: RunEnd | { readonly status: 'not-started'; readonly error: string }) => void,
    private readonly confirmation?: RunConfirmation,
  ) {}

  start(ref: string, args: JsonValue | undefined, yes = false): Result<string> {
    const confirmation = this.confirmation;
    if (confirmation === undefined || yes) return this.startNow(ref, args);
    const checked = confirmation.needed(ref, args).then((needed) => {
      const question = needed.ok ? needed.value : needed.error;
      if (question === undefined) {
        const begun = this.startNow(ref, args);
        if (!begun.ok) this.onEnded({ id: ref, name: ref }, { status: 'not-started', error: begun.error });
        return;
      }
      this.onEnded({ id: ref, name: ref }, { status: 'not-started', error: `refused: ${question}; \`run --yes ${ref}\` starts it anyway` });
    });
    this.launching.add(checked);
    void checked.finally(() => this.launching.delete(checked));
    return ok(`run ${ref}: projecting its cost first (runs above $${confirmation.threshold} need --yes)`);
  }

  /** Starts a run at once, confirmed or not. */
  startNow(ref: string, args: JsonValue | undefined): Result<string> {
    const prepared = prepareRun({ ...this.defaults, ref, args });
    if (!prepared.ok) return prepared;
    const { id, name } = prepared.value;
    const launched = prepared.value.launch().then((result) => {
      if (!result.ok) {
        this.onEnded({ id, name }, { status: 'not-started', error: result.error });
        return;
      }
      this.live.add(result.value);
      void result.value.finished.then((end) => {
        this.live.remove(id);
        this.onEnded({ id, name }, end);
      });
    });
    this.launching.add(launched);
    void launched.finally(() => this.launching.delete(launched));
    return ok(`run ${id} started (${name})`);
  }

  /** Resolves once every run started so far has its worker (or failed to start). */
  async launched(): Promise<void> {
    await Promise.all([...this.launching]);
  }

  stop(ref: string | undefined): Result<string> {
    const found = this.live.find(ref);
    if (!found.ok) return err(found.error);
    void found.value.stop();
    return ok(`run ${found.value.id} stopped (${found.value.name})`);
  }

  /** The live runs (the run view and `-t @RUN` read them). */
  runs(): readonly LiveRun[] {
    return this.live.all();
  }

  /** Stops every live run and waits for their records to close (quit). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.launching]);
    await Promise.all(this.live.all().map((run) => run.stop('agentmux is quitting')));
  }
}
