// What a turn answered and how it ended (DESIGN.md §2, §5 "turn-finished"): the delivery ids of
// the messages committed into the turn, and the one `turn-finished` event its work ends with.
//
// Outcomes, precisely:
// - `answered`: the model ended the turn (no tool call, no nudge waiting) after running its tools.
// - `refused`: the model ended the turn right after a tool round in which the user refused a
//   call (`n` at the approval prompt); nothing ran after the refusal. A workflow reads it as "the
//   agent gave up on what it was not allowed to do".
// - `interrupted`: an interrupt (Esc, `interrupt`, quit) aborted the turn's stream, tool or wait.
// - `error`: an API error the retries did not overcome, or a journal write failure.
// - `over-budget`: a budget cap stopped the turn before its next model call.
// A turn that stopped on `error`, `interrupted` or `over-budget` can be continued (`retry`,
// `resume` after raising the budget): the continuation is the same turn, with the same
// deliveries, and reports again when it ends. A pause is not an end: the turn reports when it ends
// after `resume`. Every stop is reported exactly once.
import type { MessageEntry } from './entry.js';
import type { ControllerEvent, Emitter } from './events.js';
import type { SessionState } from './session-state.js';

/** How a turn's work ended (see the file comment for each case). */
export type TurnOutcome = 'answered' | 'interrupted' | 'error' | 'refused' | 'over-budget';

/** The event the controller emits when a turn's work ends. */
export type TurnFinished = {
  readonly type: 'turn-finished';
  readonly agent: string;
  /** The turn's number on the active branch (DESIGN.md §3). */
  readonly turn: number;
  readonly outcome: TurnOutcome;
  /** The text blocks of the turn's last complete assistant entry ('' when it has none). */
  readonly text: string;
  /** The ids of the messages the turn answered: the one that opened it, then nudges that joined it. */
  readonly deliveries: readonly string[];
};

/** One agent's bookkeeping for its current (or last) turn. */
export class TurnLedger {
  #deliveries: string[] = [];
  #reported = true;
  #refusedLastRound = false;

  /** A message opened a new turn. */
  open(deliveryId: string): void {
    this.#deliveries = [deliveryId];
    this.#reported = false;
    this.#refusedLastRound = false;
  }

  /** A nudge (or an --interrupt nudge) joined the running turn. */
  join(deliveryId: string): void {
    this.#deliveries.push(deliveryId);
  }

  /**
   * After a restart: the deliveries of the turn the journal ends with (already reported, or cut
   * short by the quit or crash), so a `retry` that continues it reports them again.
   */
  restore(deliveryIds: readonly string[]): void {
    this.#deliveries = [...deliveryIds];
    this.#reported = true;
    this.#refusedLastRound = false;
  }

  /** The loop continues an open turn (retry, resume): its next end is reported again. */
  continue(): void {
    this.#reported = false;
  }

  /** A tool round starts: only the last round decides `refused`. */
  toolRound(): void {
    this.#refusedLastRound = false;
  }

  /** The user refused a call of the current tool round. */
  refused(): void {
    this.#refusedLastRound = true;
  }

  /** How an answer that ends the turn is reported. */
  answeredOutcome(): 'answered' | 'refused' {
    return this.#refusedLastRound ? 'refused' : 'answered';
  }

  /** The delivery ids so far (for tests and views). */
  get deliveries(): readonly string[] {
    return this.#deliveries;
  }

  /** Emits `turn-finished` unless this stop was already reported (or no turn ever opened). */
  finish(agent: string, session: SessionState, outcome: TurnOutcome, events: Emitter<ControllerEvent>): void {
    if (this.#reported) return;
    this.#reported = true;
    const view = session.view();
    const turn = view.turnCount;
    events.emit({
      type: 'turn-finished',
      agent,
      turn,
      outcome,
      text: finalText(view.turns[turn]?.entries.map((item) => item.entry) ?? []),
      deliveries: [...this.#deliveries],
    });
  }
}

/** The delivery ids of the user messages in the last turn of the session's active branch (what `restore` takes at load). */
export function lastTurnDeliveries(session: SessionState): readonly string[] {
  const view = session.view();
  const entries = view.turns[view.turnCount]?.entries ?? [];
  return entries.flatMap(({ entry }) => {
    const id = entry.kind === 'user' ? session.deliveryOf.get(entry.id) : undefined;
    return id === undefined ? [] : [id];
  });
}

// The text blocks of the last complete assistant entry (as edited: the view's reading).
function finalText(entries: readonly MessageEntry[]): string {
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (entry?.kind === 'assistant') return entry.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  }
  return '';
}
