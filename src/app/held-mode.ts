// The hold mode (issue 16): while the focused agent's answer is held for review, the `held` mode
// sits over normal mode, as the approval mode does for a pending tool call: its rows (y, e, s)
// answer first, other keys pass down; the status bar shows its name and hints.
import type { Controller } from '../core/controller.js';
import type { ModeName } from '../core/key-table.js';

/** Whether the focused agent's call holds an answer for the person. */
export function focusedIsHeld(controller: Controller): boolean {
  const focused = controller.panes.focused();
  return focused !== undefined && controller.workflows?.calls.find(focused)?.held !== undefined;
}

/** The modes a key with no overlay open goes through, top first. */
export function baseModes(controller: Controller): readonly ModeName[] {
  const focused = controller.panes.focused();
  if (focused !== undefined && controller.find(focused)?.state === 'awaiting-approval') return ['approval', 'normal'];
  return focusedIsHeld(controller) ? ['held', 'normal'] : ['normal'];
}

/** The mode the status bar shows: `held` over a bare normal mode while the focused answer is held. */
export function shownMode(top: ModeName, controller: Controller): ModeName {
  return top === 'normal' && focusedIsHeld(controller) ? 'held' : top;
}
