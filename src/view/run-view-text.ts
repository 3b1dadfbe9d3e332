// How the run view draws one row of a run's tree (DESIGN.md §9): the run with its counts,
// tokens, cost and elapsed time; a phase with its progress; an agent with its state, model,
// tokens, cost, elapsed time and time since it last showed life; a `log()` line; the end.
// Script and model text is kept to one line, its controls shown visibly, before it is drawn;
// names (the run's, a phase's, an agent's label) are drawn with their controls visible (␛, ␊).
import { formatSpent } from '../core/pricing.js';
import { visibleControls } from '../core/visible-controls.js';
import { agentRowName, agentRowState, waitingReasonOf, type AgentRowState, type RunAgentNode } from '../core/workflow/run-agent-node.js';
import { formatDuration } from '../core/workflow/run-status-line.js';
import type { TreeRow } from '../core/workflow/run-tree-rows.js';
import type { RunTree } from '../core/workflow/run-tree.js';
import type { ValueRef } from '../core/workflow/run-record.js';
import { fitCells, stringCells } from './char-width.js';
import { formatCount } from './format.js';
import type { Run } from './line-render.js';

/** Colours of an agent's row state. */
const ROW_STATE_SGR: Readonly<Record<AgentRowState, string>> = {
  working: '\x1b[92m',
  stalled: '\x1b[91;1m',
  waiting: '\x1b[93;1m',
  paused: '\x1b[94m',
  'over-budget': '\x1b[91m',
  idle: '\x1b[37m',
  done: '\x1b[32m',
  null: '\x1b[90m',
};

const DIM = '\x1b[90m';
/** A queued call's state word. */
const QUEUED_SGR = '\x1b[36m';
/** A stale call's mark: magenta, unlike any state's colour. */
const STALE_SGR = '\x1b[95m';
const LABEL_CELLS = 28;

/** Script or model text on one line, its controls shown (`␛]0;…`), never dropped nor acted on (issue 9). */
function oneLine(text: string): string {
  return visibleControls(text.replace(/[ \t\n]+/gu, ' ').trim());
}

/** Text padded or cut to exactly `cells` cells. */
function column(text: string, cells: number): string {
  const fitted = stringCells(text) > cells ? `${fitCells(text, cells - 1).text}…` : text;
  return fitted + ' '.repeat(Math.max(0, cells - stringCells(fitted)));
}

function runRow(tree: RunTree, folded: boolean, now: number, stallAfterMs: number): Run[] {
  const counts = tree.counts(now, stallAfterMs);
  const spent = tree.spent();
  const state = tree.end === undefined ? 'running' : tree.end.status;
  const parts = [`${counts.done} done`, `${counts.working} working`, `${counts.queued} queued`, `${counts.nulls} null`];
  const alerts: Run[] = [];
  if (counts.waiting > 0) alerts.push({ text: ` · ${counts.waiting} waiting on you`, sgr: ROW_STATE_SGR.waiting });
  if (counts.stalled > 0) alerts.push({ text: ` · ${counts.stalled} stalled`, sgr: ROW_STATE_SGR.stalled });
  return [
    { text: `${folded ? '▸' : '▾'} ${visibleControls(tree.name)} (${tree.id}) `, sgr: '\x1b[1m' },
    { text: state, sgr: tree.end === undefined ? '\x1b[96m' : tree.end.status === 'completed' ? '\x1b[32m' : '\x1b[91m' },
    { text: ` · ${parts.join(' · ')}`, sgr: '' },
    ...alerts,
    { text: ` · ${formatCount(spent.tokens)} tok · ${formatSpent(spent.costUsd, spent.unknownCosts)} · ${formatDuration(tree.elapsed(now))}`, sgr: DIM },
  ];
}

function agentRow(agent: RunAgentNode, now: number, stallAfterMs: number, stale: readonly ValueRef[] | undefined): Run[] {
  const state = agentRowState(agent, now, stallAfterMs);
  const reason = waitingReasonOf(agent);
  const edited = agent.end.kind === 'done' && agent.end.edited === true;
  const waitingText = state === 'waiting' && reason !== undefined ? `waiting on you (${reason})` : edited ? 'done (edited by you)' : state;
  // A call that saw an answer revised since (issue 15) is stale: `run-continue` re-runs it.
  const stateText = stale === undefined ? waitingText : `${waitingText} · stale`;
  const staleNote = stale === undefined ? '' : `  stale: saw ${stale.length} answer${stale.length === 1 ? '' : 's'} revised since`;
  const since = staleNote !== '' ? staleNote : agent.end.kind === 'pending' ? `  last ${formatDuration(now - agent.lastActivity)} ago` : agent.end.kind === 'null' ? `  ${oneLine(agent.end.reason)}` : '';
  const elapsed = formatDuration((agent.endedAt ?? now) - agent.startedAt);
  return [
    { text: `    ${column(visibleControls(agentRowName(agent)), LABEL_CELLS)} `, sgr: '' },
    { text: column(stateText, 26), sgr: stale === undefined ? ROW_STATE_SGR[state] : STALE_SGR },
    { text: ` ${column(agent.model, 16)} ${column(`${formatCount(agent.tokensIn + agent.tokensOut)} tok`, 10)} ${column(formatSpent(agent.costUsd, agent.unknownCosts), 8)} ${column(elapsed, 7)}`, sgr: DIM },
    { text: since, sgr: stale !== undefined ? STALE_SGR : state === 'stalled' ? ROW_STATE_SGR.stalled : DIM },
  ];
}

/** The runs of one row of the run view at `now`. */
export function treeRowRuns(row: TreeRow, now: number, stallAfterMs: number): Run[] {
  switch (row.kind) {
    case 'run':
      return runRow(row.tree, row.folded, now, stallAfterMs);
    case 'phase': {
      const { phase } = row;
      const title = phase.key === '' ? '(no phase)' : visibleControls(phase.title);
      const nulls = phase.nulls > 0 ? ` · ${phase.nulls} null` : '';
      return [
        { text: `  ${row.folded ? '▸' : '▾'} ${title}`, sgr: '\x1b[33;1m' },
        { text: ` ${phase.done + phase.nulls}/${phase.calls}${nulls}${row.folded && phase.calls > 0 ? ' (folded)' : ''}`, sgr: DIM },
      ];
    }
    case 'agent':
      return agentRow(row.agent, now, stallAfterMs, row.tree.staleBecause(row.agent.name));
    case 'log':
      return [{ text: `    │ ${oneLine(row.text)}`, sgr: '\x1b[36m' }];
    case 'queued':
      return [
        { text: `    ${column(oneLine(row.call.name), LABEL_CELLS)} `, sgr: '' },
        { text: column('queued', 26), sgr: QUEUED_SGR },
        { text: `  waiting for a slot since ${formatDuration(Math.max(0, now - row.call.since))} · t message it · e edit its prompt · s skip`, sgr: DIM },
      ];
    case 'end': {
      const { end } = row;
      if (end.status === 'completed') return [{ text: `  = result: ${oneLine(JSON.stringify(end.result ?? null))}`, sgr: '\x1b[32;1m' }];
      return [{ text: `  ✗ ${end.status}: ${oneLine(end.error ?? '')}`, sgr: '\x1b[91;1m' }];
    }
  }
}
