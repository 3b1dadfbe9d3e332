// Rewind, edit, graft, fork, pause, undo and budgets do not apply to PTY agents (DESIGN.md §4),
// and neither do the transcript's copy mode and search: every way in — a command or a
// normal-mode key — refuses with the same words, and a key refuses at once, opening nothing.
import type { KeyAction } from './key-table.js';

/** The refusal of `operation` on the PTY agent `name`, worded the same everywhere. */
export function ptyDoesNotApply(name: string, operation: string): string {
  return `${name} is a PTY agent: ${operation} does not apply`;
}

type ViewAction = Extract<KeyAction, { kind: 'view' }>['action'];

/** Normal-mode view actions that need a session or a transcript, and the operation each names. */
const VIEW_OPERATIONS: Partial<Record<ViewAction, string>> = {
  timeline: 'rewind',
  edit: 'edit',
  graft: 'graft',
  'pause-toggle': 'pause',
  undo: 'undo',
  'copy-mode': 'copy mode',
  search: 'search',
};

/** Commands a key may run that need a session. */
const SESSION_COMMANDS = new Set(['rewind', 'edit', 'graft', 'fork', 'pause', 'resume', 'retry', 'undo', 'approve', 'budget', 'switch']);

/** The operation a key bound to `action` would perform that does not apply on a PTY pane, if any. */
export function ptyRefusedOperation(action: KeyAction): string | undefined {
  if (action.kind === 'view') return VIEW_OPERATIONS[action.action];
  // Only keys acting on the focused agent: one acting on all of them (`-t all`) lets each answer.
  if (!action.line.includes('{agent}')) return undefined;
  const name = action.line.split(' ')[0] ?? '';
  return SESSION_COMMANDS.has(name) ? name : undefined;
}
