// A review gate on one call (issue 16): when the call's phase is held (`--hold`, `run-hold`),
// the answer its work ended with is not given to the script; the call waits on the person with a
// `HeldAnswer` — accept, replace (re-validated against the call's schema) or send back with a
// note (the agent works on; its next answer is held again). The agent's pane says so.
import type { Agent } from '../../core/agent.js';
import type { Controller } from '../../core/controller.js';
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import { heldValueText, type HeldAnswer } from '../../core/workflow/call-hold.js';
import { canonicalJson } from '../../core/workflow/canonical-json.js';
import type { CallResolution, ResolutionStep } from '../../core/workflow/call-resolution.js';
import type { CallEntry } from '../../core/workflow/call-state.js';
import type { ValueCheck } from '../../core/workflow/structured-output-tools.js';

/** What a gate needs of its call. */
export type HeldCallDeps = {
  readonly controller: Controller;
  readonly agent: Agent;
  readonly entry: CallEntry;
  readonly resolution: CallResolution;
  /** The schema's check; undefined for a call answered with text. */
  readonly check: ValueCheck | undefined;
  /** Whether the call's phase is held now (`run-hold` may add a hold mid-run). */
  readonly held: () => boolean;
  /** Gives the script its value (the host's settle). */
  readonly settle: (step: ResolutionStep) => void;
  /** Tells the run's record an answer is held, or was sent back (a continue holds it again without a model call). */
  readonly recorded?: (change: { readonly kind: 'held'; readonly value: JsonValue } | { readonly kind: 'sent-back' }) => void;
};

/** How the pane shows a held value: one line, cut. */
function preview(value: JsonValue): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/** A text call's replacement is text: JSON given for it is kept as its JSON text. */
function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Returns the gate: given the step a work end produced, it holds a value step (true) or lets the
 * host settle it (false).
 */
export function holdGate(deps: HeldCallDeps): (step: ResolutionStep) => boolean {
  const { controller, agent, entry, resolution } = deps;
  const say = (message: string): void => controller.events.emit({ type: 'notice', agent: agent.name, level: 'info', message });
  return (step) => {
    if (step.kind !== 'resolve' || step.outcome.kind !== 'value' || !deps.held()) return false;
    const value = step.outcome.value;
    // Out of resolution while held: skip, a stop, or the person's choice may still resolve it.
    resolution.reopen(false);
    const schema = deps.check !== undefined;
    const problems = (candidate: JsonValue): readonly string[] => deps.check?.(candidate) ?? [];
    const resolveWith = (given: JsonValue, edited: boolean): void =>
      deps.settle(resolution.resolve(edited ? { kind: 'value', value: given, edited: true } : { kind: 'value', value: given }));
    const answer: HeldAnswer = {
      value,
      schema,
      problems,
      accept: () => {
        resolveWith(value, false);
        return `accepted ${agent.name}'s held answer: the script has it`;
      },
      replace: (given): Result<string> => {
        const next = schema ? given : asText(given);
        const wrong = problems(next);
        if (wrong.length > 0) return err(`${agent.name}: the edited value does not match its schema (still held): ${wrong.join('; ')}`);
        // The same value given back is the answer as it stands: accepted, not marked edited.
        if (canonicalJson(next) === canonicalJson(value)) {
          resolveWith(value, false);
          return ok(`${agent.name}: the value is the answer as it stands: accepted (not marked edited)`);
        }
        resolveWith(next, true);
        return ok(`${agent.name}: the script has your edited value`);
      },
      sendBack: (note): Result<string> => {
        if (note.trim() === '') return err('write the note to send back');
        resolution.reopen(true);
        entry.held = undefined;
        const sent = controller.delivery.send(agent.name, note);
        if (sent.outcome === 'refused') {
          entry.held = answer;
          return err(`${agent.name}: ${sent.detail}`);
        }
        entry.observe({ kind: 'sent-back' });
        deps.recorded?.({ kind: 'sent-back' });
        return ok(`sent ${agent.name}'s answer back with your note: it works on, and its next answer is held again`);
      },
    };
    entry.held = answer;
    entry.observe({ kind: 'held' });
    deps.recorded?.({ kind: 'held', value });
    say(`⏸ held for you before the script sees it: ${preview(heldValueText(answer))} — y accept · e edit · s send back`);
    return true;
  };
}
