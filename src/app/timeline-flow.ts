// The timeline overlay opened by `r` (or `e`): the focused agent's active branch and its side
// branches; keys act on the chosen row — rewind there, edit it, fork from it, or switch branch.
import { formatAddress } from '../core/address.js';
import { buildBranchTree } from '../core/branch-tree.js';
import { err, ok, type Result } from '../core/result.js';
import type { CockpitApp } from './cockpit-app.js';
import { enterCopyModeAt } from './copy-mode.js';
import { rewindAsking, switchAsking } from './file-conflict-flow.js';
import type { TimelineAction } from './mode-handle.js';
import { timelineRows, type RowTarget } from './timeline.js';

/** The picker's actions; Enter runs `defaultAction` on an entry and switches on a branch row. */
const ACTIONS = [
  { key: 'r', label: 'rewind here' },
  { key: 'e', label: 'edit' },
  { key: 'f', label: 'fork here' },
  { key: 's', label: 'switch to branch' },
  { key: 'y', label: 'copy mode here' },
] as const;

/** Opens the focused agent's timeline: `r`/Enter rewinds to the row, `e` edits, `f` forks, `s` switches branch. */
export function openTimeline(app: CockpitApp, defaultAction: 'r' | 'e'): Result<string> {
  const focused = app.controller.panes.focused();
  const agent = focused === undefined ? undefined : app.controller.find(focused);
  if (agent === undefined) return err('there is no agent');
  if (agent.kind !== 'sdk') return err(`${agent.name} cannot run: ${agent.kind === 'broken' ? agent.loadError : 'no session'}`);
  const session = agent.session;
  const view = session.view();
  const { rows, headRow } = timelineRows(view, buildBranchTree(session.tree, view), agent.name);
  // Opened with `e`, Enter edits: the status bar's hints must say so, not "Enter/r rewind".
  const picker = app.view.openPicker({
    title: `timeline of ${agent.name} — Enter ${defaultAction === 'r' ? 'rewinds' : 'edits'} (switches on a ⎇ branch) · r rewind · e edit · f fork · s switch · Esc`,
    rows: rows.map((row) => ({ text: row.text, style: row.style })),
    selected: headRow,
    actions: ACTIONS,
    defaultAction,
    enterActionFor: (index) => (rows[index]?.target.kind === 'branch' ? 's' : undefined),
    onAction: (actionKey, index) => {
      leave();
      act(app, agent.name, actionKey, rows[index]?.target ?? { kind: 'none' });
    },
    onClose: () => leave(),
  });
  const leave = app.modes.enter(defaultAction === 'e' ? 'timeline-edit' : 'timeline', {
    kind: 'timeline',
    move: (move) => picker.move(move),
    act: (action) => (action === 'close' ? picker.close() : void picker.act(action === 'enter' ? 'enter' : ACTION_KEYS[action])),
  });
  return ok(`timeline of ${agent.name}`);
}

/** The picker's action key for each `timeline-do` action. */
const ACTION_KEYS: Readonly<Record<Exclude<TimelineAction, 'enter' | 'close'>, string>> = { rewind: 'r', edit: 'e', fork: 'f', switch: 's', copy: 'y' };

/** What each action would have done, for the refusal on a graft marker row (B19: `y` was told "rewound to or edited"). */
const MARKER_VERBS: Readonly<Record<string, string>> = { r: 'rewound to', e: 'edited', f: 'forked from', y: 'copied from' };

function act(app: CockpitApp, agent: string, actionKey: string, target: RowTarget): void {
  if (target.kind === 'branch') {
    if (actionKey === 's' || actionKey === 'r') app.apply(switchAsking(app, agent, String(target.number)));
    else app.show({ ok: false, error: `switch to branch ${target.number} first (s), then ${actionKey === 'e' ? 'edit' : 'fork'} it` });
    return;
  }
  if (target.kind === 'none') {
    app.show({ ok: false, error: `pick an entry (a graft marker cannot be ${MARKER_VERBS[actionKey] ?? 'used'})` });
    return;
  }
  if (actionKey === 's') {
    app.show({ ok: false, error: 'pick a ⎇ branch row to switch to (this row is on the active branch)' });
    return;
  }
  if (actionKey === 'y') return enterCopyModeAt(app, agent, target.address);
  const where = formatAddress(target.address);
  if (actionKey === 'r') app.apply(rewindAsking(app, agent, target.address));
  else if (actionKey === 'e') app.run(`edit -t ${agent} ${where}`);
  else if (actionKey === 'f') app.run(`fork -t ${agent} ${where}`);
}
