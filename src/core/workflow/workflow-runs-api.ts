// What the `run` and `run-stop` commands ask of whatever hosts runs (the cockpit's app, or a
// headless run): start one, stop one. Several runs may be live at once (DESIGN.md §9). Also the
// pending calls of their agents (`skip`, `accept`, a send to a queued agent) and `-t @RUN`.
import type { JsonValue } from '../json-value.js';
import type { Result } from '../result.js';
import type { CallStates } from './call-state.js';

/** A live run as `-t @RUN` and the quit question name it; `phases`: the titles of its meta.phases (run-hold checks a phase against them). */
export type LiveRunRef = { readonly id: string; readonly name: string; readonly phases: readonly string[] };

export type WorkflowRunsApi = {
  /**
   * Starts a run of ARG (NAME or FILE) with `args`; the message names the run's id. With a cost
   * threshold (issue 16) and no `yes`, the run is projected first and refused above it.
   */
  start(ref: string, args: JsonValue | undefined, yes?: boolean): Result<string>;
  /** Stops RUN (an id, or a script name with exactly one live run), or the only live run. */
  stop(ref: string | undefined): Result<string>;
  /** RUN (an id, or a script name with exactly one live run) as a live run. */
  find(ref: string): Result<LiveRunRef>;
  /** Every live run. */
  live(): readonly LiveRunRef[];
  /** The pending `agent()` calls of these runs and where each stands. */
  readonly calls: CallStates;
  /**
   * The outcome of the last `start` still being projected against --confirm-over-usd (issue 16),
   * taken once: ctl waits on it, so a refused run fails the ctl line (exit 1). Undefined: none.
   */
  takeProjection?(): Promise<Result<string>> | undefined;
  /** Set by a headless run: nobody is there to answer a held call, so `run-hold` is refused (issue 16). */
  readonly headless?: true;
  /** Continues RUN (the newest unfinished run without RUN) in the same run id: its file's current script, or the recorded one (issue 15). */
  continue(run: string | undefined, recorded: boolean): Result<string>;
};
