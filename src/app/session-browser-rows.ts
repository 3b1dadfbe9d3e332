// The session browser's rows: every session with name, model, turns, tokens, cost and last
// activity ("3 min ago"), newest activity first, marking those open in a pane.
import { formatSpent } from '../core/pricing.js';
import type { SessionSummary } from '../core/store.js';
import { formatCount } from '../view/format.js';

/** A row and the session it stands for. */
export type SessionRow = { readonly text: string; readonly session: SessionSummary; readonly open: boolean };

/** The column header matching `sessionRows`' text. */
export const SESSION_HEADER = `   ${'name'.padEnd(20)} ${'model'.padEnd(24)} ${'turns'.padStart(5)} ${'tokens in/out'.padStart(17)} ${'cost'.padStart(8)}  last activity`;

/** Rows sorted by last activity; `openIds` are sessions some pane has open (marked `●`). */
export function sessionRows(sessions: readonly SessionSummary[], openIds: ReadonlySet<string>, now: number): SessionRow[] {
  return [...sessions]
    .sort((a, b) => b.updated - a.updated)
    .map((s) => {
      const open = openIds.has(s.id);
      return { text: sessionRowText(s, open, now, 0), session: s, open };
    });
}

/** One session's row text in SESSION_HEADER's columns; `indent` cells go before its name (an agent under its run). */
export function sessionRowText(s: SessionSummary, open: boolean, now: number, indent: number): string {
  const tokens = `${formatCount(s.inputTokens)}/${formatCount(s.outputTokens)}`;
  const cost = s.costUsd === null ? '?' : formatSpent(s.costUsd, s.unknownCosts);
  const name = `${' '.repeat(indent)}${cut(s.name, 20 - indent)}`;
  return `${open ? '●' : ' '} ${name.padEnd(20)} ${cut(s.model ?? '?', 24).padEnd(24)} ${String(shownTurns(s)).padStart(5)} ${tokens.padStart(17)} ${cost.padStart(8)}  ${relativeTime(s.updated, now)}`;
}

/** The turns a session's row shows: those on its branch, as its pane numbers them (B10: a fork's copied turns count). */
export function shownTurns(s: SessionSummary): number {
  return s.branchTurns ?? s.turns;
}

// One unit rule with the pane titles (B10): 44k/2.7k, never 44k/2714.
/** A row in SESSION_HEADER's columns from its cells (a run's row sums its agents' figures). */
export function summaryRowText(cells: { readonly mark: string; readonly name: string; readonly model: string; readonly turns: number; readonly tokensIn: number; readonly tokensOut: number; readonly cost: string; readonly updated: number }, now: number): string {
  const tokens = `${formatCount(cells.tokensIn)}/${formatCount(cells.tokensOut)}`;
  return `${cells.mark} ${cut(cells.name, 20).padEnd(20)} ${cut(cells.model, 24).padEnd(24)} ${String(cells.turns).padStart(5)} ${tokens.padStart(17)} ${cells.cost.padStart(8)}  ${relativeTime(cells.updated, now)}`;
}

/** "just now", "3 min ago", "2 h ago", "5 days ago". */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

function cut(text: string, cells: number): string {
  return text.length > cells ? `${text.slice(0, cells - 1)}…` : text;
}
