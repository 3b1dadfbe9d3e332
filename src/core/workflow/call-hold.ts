// Review gates (issue 16): the answers of a held phase's agents wait for the person before the
// script sees them. `HoldRules` says which phases of which runs are held (`--hold PHASE`,
// `--hold all`, `run-hold RUN PHASE`); `HeldAnswer` is what the host offers on a held call:
// accept it, replace it with an edited value (re-validated against the call's schema), or send a
// note back to the agent, which goes on working (its next answer is held again). Pure.
import type { JsonValue } from '../json-value.js';
import type { Disposable } from '../events.js';
import type { Result } from '../result.js';
import { phaseMatches } from './phase-match.js';

/** The word `--hold` and `run-hold` take for every phase of the run. */
export const HOLD_ALL = 'all';

/** Which phases of which runs hold their agents' answers. */
export class HoldRules {
  private readonly byRun = new Map<string, Set<string>>();
  private readonly listeners = new Set<(run: string, phases: readonly string[]) => void>();

  /** Holds `phases` (written as `-t @RUN/PHASE` writes them, or `all`) of run `run` from now on. */
  add(run: string, phases: readonly string[]): void {
    const held = this.byRun.get(run) ?? new Set<string>();
    for (const phase of phases) held.add(phase.trim());
    this.byRun.set(run, held);
    for (const listener of this.listeners) listener(run, [...held]);
  }

  /** Hears every change of a run's held phases (the app keeps them beside the run's record). */
  onChange(listener: (run: string, phases: readonly string[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Whether an answer of an agent of `phase` (null: no phase) in run `run` waits for the person. */
  holds(run: string, phase: string | null): boolean {
    const held = this.byRun.get(run);
    if (held === undefined) return false;
    if (held.has(HOLD_ALL)) return true;
    if (phase === null) return false;
    for (const written of held) if (phaseMatches(phase, written)) return true;
    return false;
  }

  /** The phases held in run `run`, as written. */
  of(run: string): readonly string[] {
    return [...(this.byRun.get(run) ?? [])];
  }
}

/** A held answer: what the script would get, and what the person may do with it. */
export type HeldAnswer = {
  /** The answer as it stands (a schema-bound call: the valid StructuredOutput value; else the text). */
  readonly value: JsonValue;
  /** True when the call has a schema: an edited value is JSON the schema must accept. */
  readonly schema: boolean;
  /** What is wrong with `value` for the call's schema (empty: nothing). */
  problems(value: JsonValue): readonly string[];
  /** The script gets the answer as it stands. */
  accept(): string;
  /** The script gets `value` instead, if the schema accepts it (else the problems, and it stays held). */
  replace(value: JsonValue): Result<string>;
  /** The agent gets `note` as a message and goes on working; its next answer is held again. */
  sendBack(note: string): Result<string>;
};

/** The text an edited value is read from: a string value as it is, any other as indented JSON. */
export function heldValueText(held: Pick<HeldAnswer, 'value' | 'schema'>): string {
  return !held.schema && typeof held.value === 'string' ? held.value : `${JSON.stringify(held.value, null, 2)}\n`;
}
