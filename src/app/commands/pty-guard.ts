// The app's commands that need a transcript or a session (timeline, graft picker, copy mode,
// search, pause toggle, undo) refuse on a PTY pane with core's words, before opening anything.
import { failure, type CommandOutcome } from '../../core/command.js';
import { ptyDoesNotApply } from '../../core/pty-refusal.js';
import type { CockpitApp } from '../cockpit-app.js';

/** The refusal when the focused agent is a PTY agent; undefined when `operation` applies. */
export function refusedOnPty(app: CockpitApp, command: string, operation: string): CommandOutcome | undefined {
  const focused = app.controller.panes.focused();
  if (focused === undefined || app.controller.find(focused)?.kind !== 'pty') return undefined;
  return failure(command, ptyDoesNotApply(focused, operation));
}
