// Builds the view model of one frame from the controller's agents and the app's own state.
import { detailWithWaiting } from '../core/pending-messages.js';
import type { Agent } from '../core/agent.js';
import type { AgentState } from '../core/agent-state.js';
import type { CockpitModel, PaneModel, StatusModel } from '../core/cockpit-view-model.js';
import type { Controller } from '../core/controller.js';
import { approvalChoices } from '../core/approval-decision.js';
import { hintsOf, modeTable, type ModeName } from '../core/key-table.js';
import { formatSpent } from '../core/pricing.js';
import { loadingPanes, type LoadingPane } from './loading-panes.js';
import type { TranscriptView } from '../core/transcript-view.js';

export type StatusMessage = { readonly text: string; readonly isError: boolean };

export type ModelInputs = {
  readonly controller: Controller;
  readonly transcriptOf: (agent: Agent) => TranscriptView;
  /** The top of the mode stack. */
  readonly mode: ModeName;
  readonly message: StatusMessage | undefined;
  readonly banner: string | undefined;
  /** The PTY agent the keyboard is attached to, if any. */
  readonly attached?: string | undefined;
  /** True while the focused pane is zoomed (`z`): the status bar says so. */
  readonly zoomed?: boolean;
  /** Panes whose agents are still loading at start (after the loaded ones), drawn as `loading`. */
  readonly loading?: readonly LoadingPane[];
  /** The focused workflow run's status line (app/workflow/run-view-flow.ts). */
  readonly run?: string | undefined;
  /** The agents that have a pane (src/core/pane-choice.ts); absent: all. Hidden agents cost no work here. */
  readonly shown?: ReadonlySet<string>;
  /** A pane's mark after its name (the run view's `stale`), if any. */
  readonly markOf?: (agent: string) => string | undefined;
  /** Why bash runs unsandboxed here, or undefined: an approval of a bash call says so. */
  readonly unsandboxed?: string | undefined;
};

/** The model the view draws this frame. */
export function buildCockpitModel(inputs: ModelInputs): CockpitModel {
  const { controller } = inputs;
  const focused = controller.panes.focused();
  const { shown } = inputs;
  const panes: PaneModel[] = [];
  controller.allAgents().forEach((agent, index) => {
    if (shown === undefined || shown.has(agent.name)) panes.push(paneOf(agent, index, agent.name === focused, inputs));
  });
  const loading = inputs.loading ?? [];
  panes.push(...loadingPanes(loading, controller.allAgents().length + 1, focused === undefined));
  const counts: Partial<Record<AgentState, number>> = {};
  for (const agent of controller.allAgents()) counts[agent.state] = (counts[agent.state] ?? 0) + 1;
  if (loading.length > 0) counts.loading = loading.length;
  // The same figures the overall budget (`budget --all`) counts: every session in the store.
  const totals = controller.budgets.storeTotals();
  const status: StatusModel = {
    mode: modeTable(inputs.mode).shows ?? inputs.mode,
    focused,
    zoomed: focused !== undefined && inputs.zoomed === true,
    counts,
    tokensIn: totals.inputTokens,
    tokensOut: totals.outputTokens,
    cost: formatSpent(totals.costUsd, totals.unknownCosts),
    message: inputs.message,
    hints: hintsFor(inputs.mode, focused === undefined ? undefined : controller.find(focused), inputs.unsandboxed),
    banner: inputs.banner,
    run: inputs.run,
  };
  return { panes, status };
}

// The focused agent's pending approval takes over the normal-mode hints: the approval mode's
// keys (with what `a` allows), then the normal keys that still matter.
function hintsFor(mode: ModeName, focused: Agent | undefined, unsandboxed: string | undefined): string {
  const pending = focused?.kind === 'sdk' && focused.state === 'awaiting-approval' ? focused.pendingApproval : undefined;
  if (mode === 'normal' && pending !== undefined) {
    const tail = modeTable('normal').rows.flatMap((row) => (row.hint !== undefined && ['Esc', ':', '?'].includes(row.key) ? [row.hint] : []));
    // What a bash call may reach is part of what is approved: without the sandbox, everything.
    const reach = pending.call.name === 'bash' && unsandboxed !== undefined ? [`⚠ not sandboxed (${unsandboxed})`] : [];
    return [...reach, approvalChoices(pending.call), ...tail].join(' · ');
  }
  return hintsOf(mode);
}

function paneOf(agent: Agent, index: number, focused: boolean, inputs: ModelInputs): PaneModel {
  const totals = agent.kind === 'sdk' ? agent.session.totals : undefined;
  const mark = inputs.markOf?.(agent.name);
  return {
    ...(mark === undefined ? {} : { mark }),
    name: agent.name,
    number: index + 1,
    state: agent.state,
    detail: detailWithWaiting(agent),
    model: agent.config.model,
    tokensIn: totals?.inputTokens ?? 0,
    tokensOut: totals?.outputTokens ?? 0,
    cost: totals === undefined ? '?' : formatSpent(totals.costUsd, totals.unknownCosts),
    focused,
    transcript: inputs.transcriptOf(agent),
    ...(agent.kind === 'pty'
      ? { terminal: { screen: agent.pty.screen, attached: inputs.attached === agent.name, command: agent.pty.commandLine } }
      : {}),
  };
}
