// `TURN` and `TURN.K` addresses (DESIGN.md §3): how a person names an entry of the active branch.
import { err, ok, type Result } from './result.js';

export type TurnAddress = { readonly turn: number; readonly k?: number };

/** Parses "3" or "3.2"; turn 0 is allowed (it means "before the first turn"). */
export function parseAddress(text: string): Result<TurnAddress> {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return err(`"${text}" is not a turn (N) or entry (N.K) address`);
  const turn = Number(match[1]);
  const kText = match[2];
  if (kText === undefined) return ok({ turn });
  const k = Number(kText);
  if (k < 1) return err(`"${text}": entries within a turn are numbered from 1`);
  if (turn < 1) return err(`"${text}": turn 0 has no entries`);
  return ok({ turn, k });
}

/** Formats an address the way panes and messages show it. */
export function formatAddress(address: TurnAddress): string {
  return address.k === undefined ? `${address.turn}` : `${address.turn}.${address.k}`;
}
