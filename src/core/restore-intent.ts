// File restores (rewind, switch, undo) write thousands of files in one go; a crash part-way left
// some restored and no trace in the journal (issue 9: 0–137 of 3,000 files deleted, the restart
// showed the turn intact). The restore is journaled as begun before the first write and as done
// after the last, so the next start says what was cut short and how to finish or take it back.
import type { FileChange } from './entry.js';
import { applyFileWritesSteps, type WorkspaceFiles } from './file-checkpoint.js';
import type { RestoreIntentRecord } from './journal-record.js';
import type { RestoreSteps } from './restore-steps.js';
import type { SessionState } from './session-state.js';

/** The operation a restore belongs to. */
export type RestoreOp = RestoreIntentRecord['op'];

/** Applies `writes` between a `restore-intent` and a `restore-done` record (as steps); refuses to start if the intent cannot be journaled. */
export function* restoreWithIntent(
  session: SessionState,
  op: RestoreOp,
  files: WorkspaceFiles,
  cwd: string,
  writes: readonly FileChange[],
): RestoreSteps<{ readonly done: FileChange[]; readonly error: string | undefined }> {
  if (writes.length === 0) {
    if (session.restoring !== undefined) session.record({ t: 'restore-done' }); // the cut-short one is dealt with
    return { done: [], error: undefined };
  }
  const begun = session.record({ t: 'restore-intent', op, paths: writes.map((write) => write.path) });
  if (!begun.ok) return { done: [], error: `cannot journal the restore, nothing was written: ${begun.error}` };
  const written = yield* applyFileWritesSteps(files, cwd, writes);
  // A failed write ends the restore too (the error is said now); only a crash leaves it open.
  session.record({ t: 'restore-done' });
  return written;
}

/** What the pane says at start when a restore was cut short, or undefined when none was. */
export function interruptedRestoreNotice(session: SessionState): string | undefined {
  const open = session.restoring;
  if (open === undefined) return undefined;
  const count = open.paths.length === 1 ? '1 file' : `${open.paths.length} files`;
  const shown = open.paths.slice(0, 3).join(', ');
  const more = open.paths.length > 3 ? ` and ${open.paths.length - 3} more` : '';
  const cut = `${open.op === 'undo' ? 'an undo' : `a ${open.op}`} restoring ${count} (${shown}${more}) was cut short when agentmux stopped, some files restored and some not`;
  if (open.op === 'undo') return `${cut}: undo again to finish it`;
  return `${cut}: u puts back the ones it restored, or run the ${open.op} again to finish it`;
}
