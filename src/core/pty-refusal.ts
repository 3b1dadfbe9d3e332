// Rewind, edit, graft, fork, pause, undo and budgets do not apply to PTY agents (DESIGN.md §4),
// and neither do the transcript's copy mode and search: every way in — a command, or a key
// running one — refuses with the same words, at once, opening nothing.

/** The refusal of `operation` on the PTY agent `name`, worded the same everywhere. */
export function ptyDoesNotApply(name: string, operation: string): string {
  return `${name} is a PTY agent: ${operation} does not apply`;
}
