// Puts a held answer on agent alpha of a kit cockpit (issue 16): the controller gets the runs
// port with one pending call of run r1's Verify phase, and the app's real review gate
// (app/workflow/held-call.ts, over a real CallResolution) holds alpha's answer on it. What the
// script would get is kept in `given`.
import type { Controller } from '../../src/core/controller.js';
import type { JsonValue } from '../../src/core/json-value.js';
import { err, ok } from '../../src/core/result.js';
import { CallResolution } from '../../src/core/workflow/call-resolution.js';
import { CallStates } from '../../src/core/workflow/call-state.js';
import type { WorkflowRunsApi } from '../../src/core/workflow/workflow-runs-api.js';
import { holdGate } from '../../src/app/workflow/held-call.js';

/** The value the script got from the held call, once the person acted. */
export type Given = { value: JsonValue | null | undefined; edited?: boolean };

/** Holds `value` as alpha's answer; returns where the script's value lands. */
export function holdAlpha(controller: Controller, value: JsonValue, check?: (value: JsonValue) => readonly string[]): Given {
  const given: Given = { value: undefined };
  const calls = new CallStates((event) => controller.events.emit(event));
  calls.holds.add('r1', ['Verify']);
  const runs: WorkflowRunsApi = {
    calls,
    start: () => err('no runs here'),
    stop: () => err('no runs here'),
    find: (ref) => (ref === 'r1' ? ok({ id: 'r1', name: 'audit', phases: ['Find', 'Verify'] }) : err(`no live run "${ref}"`)),
    live: () => [{ id: 'r1', name: 'audit', phases: ['Find', 'Verify'] }],
    continue: () => err('no runs here'),
  };
  controller.workflows = runs;
  const agent = controller.find('alpha');
  if (agent === undefined) throw new Error('no alpha');
  const entry = calls.add('r1', 'Verify', 'alpha', { skip: () => 'skipped', accept: () => ({ ok: false, error: 'not here' }), sendQueued: () => false, queuedPrompt: () => undefined, replacePrompt: () => false, holdStart: () => undefined });
  entry.observe({ kind: 'started' });
  const resolution = new CallResolution({ schema: check !== undefined, headless: false });
  const settle = (step: ReturnType<CallResolution['resolve']>): void => {
    if (step.kind !== 'resolve') return;
    given.value = step.outcome.kind === 'value' ? step.outcome.value : null;
    given.edited = step.outcome.kind === 'value' && step.outcome.edited === true;
  };
  // A schema-bound call answers through a valid StructuredOutput call first.
  if (check !== undefined) resolution.structuredValue(value);
  const hold = holdGate({ controller, agent, entry, resolution, check, settle, held: () => calls.holds.holds('r1', 'Verify') });
  if (!hold(resolution.turnEnded({ outcome: 'answered', text: typeof value === 'string' ? value : JSON.stringify(value), pending: false, detail: '' }))) throw new Error('not held');
  return given;
}
