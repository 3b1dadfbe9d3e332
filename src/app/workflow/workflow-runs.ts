// The runs live in one agentmux, behind the `run` and `run-stop` commands (`:` and ctl): each
// `start` prepares a run at once (its id is the answer) and launches its worker; `stop` finds a
// run by id or script name. Several runs may be live at once (DESIGN.md §9).
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import { LiveRuns } from '../../core/workflow/live-runs.js';
import { QUIT_REASON } from '../../core/workflow/run-memory.js';
import type { RunEnd } from '../../core/workflow/run-events.js';
import type { WorkflowRunsApi } from '../../core/workflow/workflow-runs-api.js';
import { prepareRun, type LiveRun, type PreparedRun, type StartRunOptions } from './start-run.js';
import { unfinishedRuns } from '../../adapters/workflow/unfinished-runs.js';
import { prepareContinue } from './continue-run.js';
import { continueRefusal } from './continue-refusal.js';
import { RunRecords } from './run-records.js';

/** What every run started here shares (the ref and args come with each `run`). */
export type RunDefaults = Omit<StartRunOptions, 'ref' | 'args'>;

/** Starts and stops runs; `onEnded` hears each run's end (the status bar, the log). */
export class WorkflowRuns implements WorkflowRunsApi {
  private readonly live = new LiveRuns<LiveRun>();
  private readonly launching = new Set<Promise<void>>();
  /** Runs whose worker is starting (not yet live). */
  private readonly starting = new Set<string>();
  private readonly records: RunRecords;

  constructor(
    private readonly defaults: RunDefaults,
    private readonly onEnded: (run: { readonly id: string; readonly name: string }, end: RunEnd | { readonly status: 'not-started'; readonly error: string }) => void,
  ) {
    this.records = new RunRecords(defaults.storeDir);
  }

  start(ref: string, args: JsonValue | undefined): Result<string> {
    const prepared = prepareRun({ ...this.defaults, ref, args, records: this.records });
    if (!prepared.ok) return prepared;
    this.launch(prepared.value);
    return ok(`run ${prepared.value.id} started (${prepared.value.name})`);
  }

  continue(run: string | undefined, recorded: boolean): Result<string> {
    const target = run ?? unfinishedRuns(this.defaults.storeDir)[0]?.id;
    if (target === undefined) return err('run-continue: no unfinished run in this store (name one: run-continue RUN)');
    const refused = continueRefusal(target, this.starting, this.live, this.defaults.host);
    if (refused !== undefined) return err(refused);
    const prepared = prepareContinue({ ...this.defaults, runId: target, recorded, records: this.records });
    if (!prepared.ok) return prepared;
    this.launch(prepared.value);
    return ok(`run ${target} continued (${prepared.value.name}${recorded ? ', recorded script' : ''})`);
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
      this.live.add(result.value);
      void result.value.finished.then((end) => {
        this.live.remove(id);
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
    await Promise.all(this.live.all().map((run) => run.stop(QUIT_REASON)));
  }
}
