// The commands of workflow runs and their calls (DESIGN.md §9: `run`, `run-stop`, `run-continue`,
// `skip`, `accept`, `run-hold`, `hold-*`, `queued-prompt`, `-t @RUN`), answered on whatever hosts
// runs once it is attached; before that, or where nothing hosts runs, they say so.
import type { RunsApi } from '../cockpit-api.js';
import type { JsonValue } from '../json-value.js';
import { err, type Result } from '../result.js';
import { acceptCall, runTargetAgents, skipCall } from './call-steering.js';
import { acceptHeld, holdPhase, replaceHeld, sendBackHeld } from './hold-steering.js';
import { editQueuedPrompt, queuedPromptOf, replaceQueuedPrompt, type PromptEditing } from './queued-prompt.js';
import type { WorkflowRunsApi } from './workflow-runs-api.js';

const NO_RUNS = 'workflow runs are not available here';

/** `controller.runs`: the run commands over the runs host `host()` returns (undefined until attached). */
export class RunCommands implements RunsApi {
  constructor(private readonly host: () => WorkflowRunsApi | undefined) {}

  start(ref: string, args: JsonValue | undefined, yes = false): Result<string> {
    const host = this.host();
    return host === undefined ? err(NO_RUNS) : host.start(ref, args, yes);
  }

  stop(ref: string | undefined): Result<string> {
    const host = this.host();
    return host === undefined ? err(NO_RUNS) : host.stop(ref);
  }

  continue(run: string | undefined, recorded: boolean): Result<string> {
    const host = this.host();
    return host === undefined ? err(NO_RUNS) : host.continue(run, recorded);
  }

  skip(name: string): Result<string> {
    return skipCall(this.host(), name);
  }

  accept(name: string): Result<string> {
    return acceptCall(this.host(), name);
  }

  agents(reference: string): Result<readonly string[]> {
    return runTargetAgents(this.host(), reference);
  }

  hold(run: string, phase: string): Result<string> {
    return holdPhase(this.host(), run, phase);
  }

  acceptHeld(name: string): Result<string> {
    return acceptHeld(this.host(), name);
  }

  replaceHeld(name: string, value: JsonValue): Result<string> {
    return replaceHeld(this.host(), name, value);
  }

  sendBackHeld(name: string, note: string): Result<string> {
    return sendBackHeld(this.host(), name, note);
  }

  queuedPrompt(name: string): Result<string> {
    return queuedPromptOf(this.host(), name);
  }

  replaceQueuedPrompt(name: string, text: string): Result<string> {
    return replaceQueuedPrompt(this.host(), name, text);
  }

  /** `prompt-edit`: queued NAME's prompt opened for an editor; its call does not start before `release`. */
  editQueuedPrompt(name: string): Result<PromptEditing> {
    return editQueuedPrompt(this.host(), name);
  }
}
