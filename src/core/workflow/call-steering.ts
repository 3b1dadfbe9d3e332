// `skip`, `accept` and `-t @RUN[/PHASE]` over the pending calls of the live runs (DESIGN.md §9):
// the controller forwards to these, so the commands stay one line each.
import { err, ok, type Result } from '../result.js';
import type { CallEntry } from './call-state.js';
import type { WorkflowRunsApi } from './workflow-runs-api.js';

const NO_RUNS = 'workflow runs are not available here';

/** The pending call of `agent`, or why there is none (hold-steering.ts reads it too). */
export function pendingCall(runs: WorkflowRunsApi | undefined, agent: string): Result<CallEntry> {
  if (runs === undefined) return err(NO_RUNS);
  const entry = runs.calls.find(agent);
  return entry === undefined ? err(`${agent} is not a workflow agent with a pending call`) : ok(entry);
}

/** `skip`: the agent's call resolves to null ("skipped by the user"); a queued one never starts. */
export function skipCall(runs: WorkflowRunsApi | undefined, agent: string): Result<string> {
  const entry = pendingCall(runs, agent);
  return entry.ok ? ok(entry.value.steering.skip()) : entry;
}

/** `accept`: the agent's call resolves to its last answer as it stands (with a schema, only a valid one). */
export function acceptCall(runs: WorkflowRunsApi | undefined, agent: string): Result<string> {
  const entry = pendingCall(runs, agent);
  if (!entry.ok) return entry;
  // A held answer (issue 16) is the answer as it stands, edited or not.
  const held = entry.value.held;
  if (held !== undefined) return ok(held.accept());
  const accepted = entry.value.steering.accept();
  return accepted.ok ? ok(accepted.value) : err(accepted.error);
}

/** Whether a `-t` reference names a run (`@RUN` or `@RUN/PHASE`). */
export function isRunTarget(reference: string): boolean {
  return reference.startsWith('@');
}

/** The agents with a pending call in `@RUN` or `@RUN/PHASE` (queued ones included), in call order. */
export function runTargetAgents(runs: WorkflowRunsApi | undefined, reference: string): Result<readonly string[]> {
  if (runs === undefined) return err(NO_RUNS);
  const written = reference.replace(/^@/u, '');
  const slash = written.indexOf('/');
  const runRef = slash < 0 ? written : written.slice(0, slash);
  const phase = slash < 0 ? undefined : written.slice(slash + 1);
  if (runRef === '') return err(`${reference}: name a run (@RUN or @RUN/PHASE)`);
  if (phase === '') return err(`${reference}: name a phase after the / (@RUN/PHASE)`);
  const run = runs.find(runRef);
  if (!run.ok) return run;
  const agents = runs.calls.ofRun(run.value.id, phase).map((entry) => entry.agent);
  if (agents.length > 0) return ok(agents);
  const where = phase === undefined ? `run ${run.value.id}` : `phase "${phase}" of run ${run.value.id}`;
  return err(`${where} has no agent with a pending call`);
}
