// The session browser's rows with runs (DESIGN.md §9 Naming: workflow sessions are grouped under
// their run in the session browser): a row per run, newest activity first among the loose
// sessions, its agents' sessions under it (in start order) unless it is folded. Pure.
import { formatSpent } from '../core/pricing.js';
import type { SessionSummary } from '../core/store.js';
import type { RunSummary } from '../core/workflow/run-summary.js';
import { sessionRowText, shownTurns, summaryRowText } from './session-browser-rows.js';

/** A row of the browser: a run, or a session (loose, or one of a run's agents). */
export type BrowserRow =
  | { readonly kind: 'run'; readonly text: string; readonly run: RunSummary; readonly folded: boolean; readonly sessions: readonly SessionSummary[] }
  | { readonly kind: 'session'; readonly text: string; readonly session: SessionSummary; readonly open: boolean };

export type BrowserRowsInput = {
  readonly sessions: readonly SessionSummary[];
  readonly runs: readonly RunSummary[];
  /** Sessions some pane has open (marked `●`). */
  readonly openIds: ReadonlySet<string>;
  /** Runs whose agents are listed (the others are one row each). */
  readonly unfolded: ReadonlySet<string>;
  readonly now: number;
};

type Item = { readonly updated: number; readonly name: string; readonly rows: () => BrowserRow[] };

/** The rows; a session tagged with a run that has no record gets a run row all the same. */
export function browserRows(input: BrowserRowsInput): BrowserRow[] {
  const byRun = new Map<string, SessionSummary[]>();
  const loose: SessionSummary[] = [];
  for (const session of input.sessions) {
    if (session.run === undefined) loose.push(session);
    else byRun.set(session.run, [...(byRun.get(session.run) ?? []), session]);
  }
  const runs = new Map(input.runs.map((run) => [run.id, run]));
  for (const [id, sessions] of byRun) {
    if (runs.has(id)) continue;
    const times = sessions.map((session) => session.created);
    runs.set(id, { id, name: id, status: 'no record', started: Math.min(...times), updated: Math.max(...times), agents: sessions.length });
  }
  const items: Item[] = loose.map((session) => ({
    updated: session.updated,
    name: session.name,
    rows: () => [{ kind: 'session', text: sessionRowText(session, input.openIds.has(session.id), input.now, 0), session, open: input.openIds.has(session.id) }],
  }));
  for (const run of runs.values()) {
    const sessions = [...(byRun.get(run.id) ?? [])].sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
    const updated = Math.max(run.updated, ...sessions.map((session) => session.updated));
    items.push({ updated, name: run.name, rows: () => runRows(run, sessions, updated, input) });
  }
  return items.sort((a, b) => b.updated - a.updated || a.name.localeCompare(b.name)).flatMap((item) => item.rows());
}

function runRows(run: RunSummary, sessions: readonly SessionSummary[], updated: number, input: BrowserRowsInput): BrowserRow[] {
  const folded = !input.unfolded.has(run.id);
  const priced = sessions.flatMap((session) => (session.costUsd === null ? [] : [session.costUsd]));
  const unknown = sessions.reduce((sum, session) => sum + session.unknownCosts + (session.costUsd === null ? 1 : 0), 0);
  const text = summaryRowText(
    {
      mark: folded ? '▸' : '▾',
      name: `${run.name} ${run.id}`,
      model: `${run.status} · ${run.agents} agent${run.agents === 1 ? '' : 's'}`,
      turns: sessions.reduce((sum, session) => sum + shownTurns(session), 0),
      tokensIn: sessions.reduce((sum, session) => sum + session.inputTokens, 0),
      tokensOut: sessions.reduce((sum, session) => sum + session.outputTokens, 0),
      cost: sessions.length === 0 ? '-' : priced.length === 0 ? '?' : formatSpent(priced.reduce((a, b) => a + b, 0), unknown),
      updated,
    },
    input.now,
  );
  const head: BrowserRow = { kind: 'run', text, run, folded, sessions };
  if (folded) return [head];
  return [
    head,
    ...sessions.map((session): BrowserRow => {
      const open = input.openIds.has(session.id);
      return { kind: 'session', text: sessionRowText(session, open, input.now, 2), session, open };
    }),
  ];
}
