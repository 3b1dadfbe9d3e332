// The hold's commands over the live runs (issue 16): `run-hold RUN PHASE` holds a phase's answers,
// `hold-accept`, `hold-value` and `hold-send` act on one held call. The controller forwards to
// these, so each command stays a few lines.
import type { JsonValue } from '../json-value.js';
import { err, ok, type Result } from '../result.js';
import { HOLD_ALL, type HeldAnswer } from './call-hold.js';
import { pendingCall } from './call-steering.js';
import { unlistedHoldWarning } from './hold-phase-check.js';
import type { WorkflowRunsApi } from './workflow-runs-api.js';

/** Why `--hold` / `run-hold` cannot work without a person (the words headless refusals use). */
export const HOLD_NEEDS_A_PERSON = 'a held answer waits for a person to accept, edit or send it back, and a headless run has none: hold phases in the cockpit (agentmux run … --hold PHASE, or :run-hold RUN PHASE)';

/** The held answer of `agent`'s call, or why it has none. */
export function heldCall(runs: WorkflowRunsApi | undefined, agent: string): Result<HeldAnswer> {
  const entry = pendingCall(runs, agent);
  if (!entry.ok) return entry;
  const held = entry.value.held;
  if (held !== undefined) return ok(held);
  const state = entry.value.state;
  const now = state.kind === 'waiting-on-you' ? `waiting on you (${state.reason})` : state.kind;
  return err(`${agent} has no held answer (its call is ${now}; answers are held only in phases named by --hold or run-hold)`);
}

/** `run-hold RUN PHASE`: from now on the answers of PHASE's agents (every phase for `all`) in RUN wait for the person. */
export function holdPhase(runs: WorkflowRunsApi | undefined, run: string, phase: string): Result<string> {
  if (runs === undefined) return err('workflow runs are not available here');
  if (runs.headless === true) return err(HOLD_NEEDS_A_PERSON);
  if (phase.trim() === '') return err('name a phase (or all)');
  const found = runs.find(run);
  if (!found.ok) return found;
  runs.calls.holds.add(found.value.id, [phase]);
  const which = phase === HOLD_ALL ? 'every phase' : `phase "${phase}"`;
  const warning = unlistedHoldWarning(found.value.phases, [phase]);
  return ok(`run ${found.value.id}: answers of ${which} now wait for you (y accept · e edit · s send back)${warning === undefined ? '' : `; ${warning}`}`);
}

/** `hold-accept`: the script gets the held answer as it stands. */
export function acceptHeld(runs: WorkflowRunsApi | undefined, agent: string): Result<string> {
  const held = heldCall(runs, agent);
  return held.ok ? ok(held.value.accept()) : held;
}

/** `hold-value JSON`: the script gets VALUE instead (re-validated against the call's schema). */
export function replaceHeld(runs: WorkflowRunsApi | undefined, agent: string, value: JsonValue): Result<string> {
  const held = heldCall(runs, agent);
  return held.ok ? held.value.replace(value) : held;
}

/** `hold-send TEXT`: the agent gets TEXT and goes on working; its next answer is held again. */
export function sendBackHeld(runs: WorkflowRunsApi | undefined, agent: string, note: string): Result<string> {
  const held = heldCall(runs, agent);
  return held.ok ? held.value.sendBack(note) : held;
}
