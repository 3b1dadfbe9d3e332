// Builds the view model of one frame from the controller's agents and the app's own state.
import type { Agent } from '../core/agent.js';
import type { AgentState } from '../core/agent-state.js';
import type { CockpitModel, PaneModel, StatusModel } from '../core/cockpit-view-model.js';
import type { Controller } from '../core/controller.js';
import { approvalChoices } from '../core/approval-decision.js';
import { formatSpent } from '../core/pricing.js';
import { loadingPanes, type LoadingPane } from './loading-panes.js';
import type { TranscriptView } from '../core/transcript-view.js';

export type StatusMessage = { readonly text: string; readonly isError: boolean };

export type ModelInputs = {
  readonly controller: Controller;
  readonly transcriptOf: (agent: Agent) => TranscriptView;
  readonly mode: string;
  readonly message: StatusMessage | undefined;
  readonly banner: string | undefined;
  /** The PTY agent the keyboard is attached to, if any. */
  readonly attached?: string | undefined;
  /** True while the focused pane is zoomed (`z`): the status bar says so. */
  readonly zoomed?: boolean;
  /** Panes whose agents are still loading at start (after the loaded ones), drawn as `loading`. */
  readonly loading?: readonly LoadingPane[];
};

export const HINTS: Readonly<Record<string, string>> = {
  normal: 'Enter msg · Esc int · r rewind · e edit · g graft · b bcast · p pause · u undo · : cmd · ? help · q quit',
  prompt: 'Enter run · Tab complete · ↑↓ history · Esc close',
  message: 'Enter send · Esc close',
  broadcast: 'Enter broadcast · Esc close',
  timeline: '↑↓ move · Enter/r rewind · e edit · f fork · s switch branch · Esc close',
  'timeline-edit': '↑↓ move · Enter/e edit · r rewind · f fork · s switch branch · Esc close',
  help: '↑↓ scroll · Esc close',
  receipts: 'any key closes',
  confirm: 'y quit · any other key cancels',
  edit: 'C-s save · Esc cancel',
  sessions: '↑↓ move · Enter/o open · R rename · d delete · t trash · r restore · Esc close',
  graft: '↑↓ move · Enter pick / set FROM, TO · 2..4 type a range · Esc back',
  'refuse-reason': 'Enter refuse · Esc keep waiting',
  'file-conflicts': 'o overwrite them · k keep them (restore the rest) · c/Enter/Esc cancel',
  copy: '↑↓ jk PgUp PgDn g G move · v/Space select · y copy · Enter tool call / copy · / n N search · Esc/q leave',
  search: 'n older match · N newer · / new search · Esc ends',
  'search-input': 'Enter search (newest first) · Esc close',
  'tool-details': '↑↓ PgUp PgDn g G scroll · Esc close',
  attached: 'keys go to the attached pane · C-q detaches',
};

/** Normal mode while the focused agent waits for an approval: y / a / n answer it (what `a` allows shown). */
const APPROVAL_HINTS_TAIL = 'Esc int · Tab next pane · : cmd · ? help';

/** Modes that show under another name (the timeline opened by `e` is still the timeline). */
const MODE_LABELS: Readonly<Record<string, string>> = { 'timeline-edit': 'timeline' };

/** The model the view draws this frame. */
export function buildCockpitModel(inputs: ModelInputs): CockpitModel {
  const { controller } = inputs;
  const focused = controller.focused();
  const panes: PaneModel[] = controller.allAgents().map((agent, index) => paneOf(agent, index, agent.name === focused, inputs));
  const loading = inputs.loading ?? [];
  panes.push(...loadingPanes(loading, panes.length + 1, focused === undefined));
  const counts: Partial<Record<AgentState, number>> = {};
  for (const agent of controller.allAgents()) counts[agent.state] = (counts[agent.state] ?? 0) + 1;
  if (loading.length > 0) counts.loading = loading.length;
  // The same figures the overall budget (`budget --all`) counts: every session in the store.
  const totals = controller.storeTotals();
  const status: StatusModel = {
    mode: MODE_LABELS[inputs.mode] ?? inputs.mode,
    focused,
    zoomed: focused !== undefined && inputs.zoomed === true,
    counts,
    tokensIn: totals.inputTokens,
    tokensOut: totals.outputTokens,
    cost: formatSpent(totals.costUsd, totals.unknownCosts),
    message: inputs.message,
    hints: hintsFor(inputs.mode, focused === undefined ? undefined : controller.find(focused)),
    banner: inputs.banner,
  };
  return { panes, status };
}

// The focused agent's pending approval takes over the normal-mode hints.
function hintsFor(mode: string, focused: Agent | undefined): string {
  const pending = focused?.state === 'awaiting-approval' ? focused.pendingApproval : undefined;
  if (mode === 'normal' && pending !== undefined) return `${approvalChoices(pending.call)} · ${APPROVAL_HINTS_TAIL}`;
  return HINTS[mode] ?? '';
}

function paneOf(agent: Agent, index: number, focused: boolean, inputs: ModelInputs): PaneModel {
  const totals = agent.session?.totals;
  return {
    name: agent.name,
    number: index + 1,
    state: agent.state,
    detail: agent.detail,
    model: agent.config.model,
    tokensIn: totals?.inputTokens ?? 0,
    tokensOut: totals?.outputTokens ?? 0,
    cost: totals === undefined ? '?' : formatSpent(totals.costUsd, totals.unknownCosts),
    focused,
    transcript: inputs.transcriptOf(agent),
    ...(agent.pty === undefined
      ? {}
      : { terminal: { screen: agent.pty.screen, attached: inputs.attached === agent.name, command: agent.pty.commandLine } }),
  };
}
