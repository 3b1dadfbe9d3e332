// When an `agent()` call resolves (DESIGN.md §9): its value is taken when its work ends with no
// message, nudge or approval pending — the final text, or the valid StructuredOutput. Pure: the
// host feeds it the agent's turn ends and StructuredOutput calls and does what it answers.
import type { JsonValue } from '../json-value.js';
import type { AgentCallOutcome } from './agent-host.js';

import type { TurnOutcome } from '../turn-ledger.js';

/** One end of the agent's work as the host saw it. */
export type TurnEnd = {
  readonly outcome: TurnOutcome;
  /** The turn's final answer text. */
  readonly text: string;
  /** A message, nudge or approval is waiting: the work goes on, nothing is taken. */
  readonly pending: boolean;
  /** Why the turn failed, for an `error` outcome. */
  readonly detail: string;
};

/** What the host does next. */
export type ResolutionStep =
  | { readonly kind: 'wait' }
  | { readonly kind: 'remind' }
  | { readonly kind: 'resolve'; readonly outcome: AgentCallOutcome };

export const NO_VALID_OUTPUT = 'ended its work without a valid StructuredOutput call, after one reminder';

/** The state of one pending call: whether it has a schema, its last valid value, whether it was reminded. */
export class CallResolution {
  private value: { readonly json: JsonValue } | undefined;
  private reminded = false;
  private done = false;

  constructor(private readonly options: { readonly schema: boolean; readonly headless: boolean }) {}

  /** A valid StructuredOutput call (the latest one counts). */
  structuredValue(value: JsonValue): void {
    this.value = { json: value };
  }

  /** The last valid StructuredOutput value, for `accept`. */
  validValue(): { readonly json: JsonValue } | undefined {
    return this.value;
  }

  /** A rewind took the branch back: a value given on the old branch no longer stands. */
  rewound(): void {
    this.value = undefined;
  }

  /** The agent's work ended (or paused on something): what to do. */
  turnEnded(end: TurnEnd): ResolutionStep {
    if (this.done || end.pending) return { kind: 'wait' };
    if (end.outcome === 'error' && this.options.headless) return this.resolve({ kind: 'null', reason: `API error: ${end.detail}` });
    // In the cockpit an interrupt or an API error leaves the agent waiting on the person. A turn
    // that ended after the person refused a call still ended with an answer: it is taken.
    if (end.outcome !== 'answered' && end.outcome !== 'refused') return { kind: 'wait' };
    if (!this.options.schema) return this.resolve({ kind: 'value', value: end.text });
    if (this.value !== undefined) return this.resolve({ kind: 'value', value: this.value.json });
    if (!this.reminded) {
      this.reminded = true;
      return { kind: 'remind' };
    }
    return this.resolve({ kind: 'null', reason: NO_VALID_OUTPUT });
  }

  /**
   * A held answer (issue 16) took the call out of resolution: it may resolve again (skip, stop,
   * the person's accept). `sentBack`: the agent works on after a note, so only its next answer
   * counts — the old value and reminder are forgotten.
   */
  reopen(sentBack: boolean): void {
    this.done = false;
    if (!sentBack) return;
    this.value = undefined;
    this.reminded = false;
  }

  /** Resolves now with `outcome` (stop, too many invalid calls), unless already resolved. */
  resolve(outcome: AgentCallOutcome): ResolutionStep {
    if (this.done) return { kind: 'wait' };
    this.done = true;
    return { kind: 'resolve', outcome };
  }
}
