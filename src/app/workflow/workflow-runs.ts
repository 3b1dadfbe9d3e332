// The runs live in one agentmux, behind the `run` and `run-stop` commands (`:` and ctl): each
// `start` prepares a run at once (its id is the answer) and launches its worker; `stop` finds a
// run by id or script name. Several runs may be live at once (DESIGN.md §9).
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import { LiveRuns } from '../../core/workflow/live-runs.js';
import { visibleControls } from '../../core/visible-controls.js';
import { QUIT_REASON } from '../../core/workflow/run-memory.js';
import type { RunEnd } from '../../core/workflow/run-events.js';
import type { CallStates } from '../../core/workflow/call-state.js';
import type { LiveRunRef, WorkflowRunsApi } from '../../core/workflow/workflow-runs-api.js';
import { unlistedHoldWarning } from '../../core/workflow/hold-phase-check.js';
import { prepareRun, type LiveRun, type PreparedRun, type StartRunOptions } from './start-run.js';
import { unfinishedRuns } from '../../adapters/workflow/unfinished-runs.js';
import { prepareContinue } from './continue-run.js';
import { continueRefusal } from './continue-refusal.js';
import { RunRecords } from './run-records.js';
import { readRunHolds, writeRunHolds } from '../../adapters/workflow/run-holds-file.js';
import type { Disposable } from '../../core/events.js';

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
  private readonly liveRuns = new LiveRuns<LiveRun>();
  private readonly launching = new Set<Promise<void>>();
  /** Runs whose worker is starting (not yet live). */
  private readonly starting = new Set<string>();
  private readonly records: RunRecords;
  /** The last `start` being projected, until ctl takes it. */
  private projection: Promise<Result<string>> | undefined;

  constructor(
    private readonly defaults: RunDefaults,
    /** The host's pending calls (the run view, `skip`, `accept`, `-t @RUN`). */
    readonly calls: CallStates,
    private readonly onEnded: (run: { readonly id: string; readonly name: string }, end: RunEnd | { readonly status: 'not-started'; readonly error: string }) => void,
    private readonly confirmation?: RunConfirmation,
  ) {
    this.records = new RunRecords(defaults.storeDir);
    // Held phases are kept beside the record, so a continued run holds them again (issue 16).
    this.holdsKept = calls.holds.onChange((run, phases) => {
      const written = writeRunHolds(defaults.storeDir, run, phases);
      if (!written.ok) this.holdsProblem = written.error;
    });
  }

  private readonly holdsKept: Disposable;
  /** Why the last held phases could not be kept on disk (shown by the next run-hold / continue). */
  private holdsProblem: string | undefined;

  start(ref: string, args: JsonValue | undefined, yes = false): Result<string> {
    const confirmation = this.confirmation;
    if (confirmation === undefined || yes) return this.startNow(ref, args);
    const checked = confirmation.needed(ref, args).then((needed): Result<string> => {
      const question = needed.ok ? needed.value : needed.error;
      if (question === undefined) {
        const begun = this.startNow(ref, args);
        if (!begun.ok) this.onEnded({ id: ref, name: ref }, { status: 'not-started', error: begun.error });
        return begun;
      }
      const refusal = `refused: ${question}; \`run --yes ${ref}\` starts it anyway`;
      this.onEnded({ id: ref, name: ref }, { status: 'not-started', error: refusal });
      return err(refusal);
    });
    this.projection = checked;
    const tracked = checked.then(() => undefined);
    this.launching.add(tracked);
    void tracked.finally(() => this.launching.delete(tracked));
    return ok(`run ${ref}: projecting its cost first (runs above $${confirmation.threshold} need --yes)`);
  }

  takeProjection(): Promise<Result<string>> | undefined {
    const taken = this.projection;
    this.projection = undefined;
    return taken;
  }

  /** Starts a run at once, confirmed or not; `hold`: phases whose answers wait for the person (`--hold`, issue 16). */
  startNow(ref: string, args: JsonValue | undefined, hold: readonly string[] = []): Result<string> {
    const prepared = prepareRun({ ...this.defaults, ref, args, records: this.records });
    if (!prepared.ok) return prepared;
    if (hold.length > 0) this.calls.holds.add(prepared.value.id, hold);
    this.launch(prepared.value);
    return ok(`run ${prepared.value.id} started (${visibleControls(prepared.value.name)})${holdWarning(prepared.value.phases, hold)}${this.takeHoldsProblem()}`);
  }

  continue(run: string | undefined, recorded: boolean, hold: readonly string[] = []): Result<string> {
    const target = run ?? unfinishedRuns(this.defaults.storeDir)[0]?.id;
    if (target === undefined) return err('no unfinished run in this store (name one: run-continue RUN)');
    const refused = continueRefusal(target, this.starting, this.liveRuns, this.defaults.host);
    if (refused !== undefined) return err(refused);
    const prepared = prepareContinue({ ...this.defaults, runId: target, recorded, records: this.records });
    if (!prepared.ok) return prepared;
    // What it held before (holds.json) is held again, with any phases given now.
    const kept = readRunHolds(this.defaults.storeDir, target);
    if (!kept.ok) return err(`${kept.error}: not continued (its held phases could not be read)`);
    const holds = [...new Set([...kept.value, ...hold])];
    if (holds.length > 0) this.calls.holds.add(target, holds);
    this.launch(prepared.value);
    const holding = kept.value.length === 0 ? '' : `; holding ${kept.value.join(', ')} again`;
    return ok(`run ${target} continued (${visibleControls(prepared.value.name)}${recorded ? ', recorded script' : ''})${holding}${holdWarning(prepared.value.phases, hold)}${this.takeHoldsProblem()}`);
  }

  private launch(prepared: PreparedRun): void {
    const { id, name } = prepared;
    this.starting.add(id);
    const launched = prepared.launch().then((result) => {
      this.starting.delete(id);
      if (!result.ok) {
        this.onEnded({ id, name }, { status: 'not-started', error: result.error });
        return;
      }
      this.liveRuns.add(result.value);
      void result.value.finished.then((end) => {
        this.liveRuns.remove(id);
        this.onEnded({ id, name }, end);
      });
    });
    this.launching.add(launched);
    void launched.finally(() => this.launching.delete(launched));
  }

  /** Resolves once every run started so far has its worker (or failed to start). */
  async launched(): Promise<void> {
    await Promise.all([...this.launching]);
  }

  stop(ref: string | undefined): Result<string> {
    const found = this.liveRuns.find(ref);
    if (!found.ok) return err(found.error);
    void found.value.stop();
    return ok(`run ${found.value.id} stopped (${visibleControls(found.value.name)})`);
  }

  find(ref: string): Result<LiveRunRef> {
    const found = this.liveRuns.find(ref);
    return found.ok ? ok({ id: found.value.id, name: found.value.name, phases: found.value.phases }) : err(found.error);
  }

  live(): readonly LiveRunRef[] {
    return this.liveRuns.all().map((run) => ({ id: run.id, name: run.name, phases: run.phases }));
  }

  /** The live runs (the run view and `-t @RUN` read them). */
  runs(): readonly LiveRun[] {
    return this.liveRuns.all();
  }

  private takeHoldsProblem(): string {
    const problem = this.holdsProblem;
    this.holdsProblem = undefined;
    return problem === undefined ? '' : `; held phases not kept on disk: ${problem}`;
  }

  /** Stops every live run and waits for their records to close (quit). */
  async stopAll(): Promise<void> {
    this.holdsKept.dispose();
    await Promise.all([...this.launching]);
    await Promise.all(this.liveRuns.all().map((run) => run.stop(QUIT_REASON)));
  }
}

/** `: WARNING` when a `--hold` phase is not among the run's meta.phases; empty otherwise. */
function holdWarning(phases: readonly string[], hold: readonly string[]): string {
  const warning = unlistedHoldWarning(phases, hold);
  return warning === undefined ? '' : `: ${warning}`;
}
