// What the `run` and `run-stop` commands ask of whatever hosts runs (the cockpit's app, or a
// headless run): start one, stop one. Several runs may be live at once (DESIGN.md §9).
import type { JsonValue } from '../json-value.js';
import type { Result } from '../result.js';

export type WorkflowRunsApi = {
  /**
   * Starts a run of ARG (NAME or FILE) with `args`; the message names the run's id. With a cost
   * threshold (issue 16) and no `yes`, the run is projected first and refused above it.
   */
  start(ref: string, args: JsonValue | undefined, yes?: boolean): Result<string>;
  /** Stops RUN (an id, or a script name with exactly one live run), or the only live run. */
  stop(ref: string | undefined): Result<string>;
};
