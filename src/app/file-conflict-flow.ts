// Rewind, undo and branch switch from keys (the timeline's `r` and `s`, the `u` key): when files
// this agent changed were changed since by someone else, the person sees the list and chooses —
// overwrite them, keep them (restore the rest), or cancel — instead of reading a refusal.
import { formatAddress, type TurnAddress } from '../core/address.js';
import type { CommandOutcome } from '../core/command.js';
import type { FileOperation } from '../core/history-files.js';
import type { Result } from '../core/result.js';
import type { CockpitApp } from './cockpit-app.js';

const CHOICES = [
  { key: 'o', label: 'overwrite them' },
  { key: 'k', label: 'keep them (restore the rest)' },
  { key: 'c', label: 'cancel' },
] as const;

/** `rewind -t AGENT TURN[.K]`, asking first about files changed since. */
export function rewindAsking(app: CockpitApp, agent: string, address: TurnAddress): CommandOutcome {
  return runAsking(app, agent, { op: 'rewind', address }, (flag) => `rewind -t ${agent}${flag} ${formatAddress(address)}`);
}

/** `switch -t AGENT BRANCH`, asking first about files changed since that the switch would restore. */
export function switchAsking(app: CockpitApp, agent: string, branch: string): CommandOutcome {
  return runAsking(app, agent, { op: 'switch', branch }, (flag) => `switch -t ${agent}${flag} ${branch}`);
}

/** `undo -t AGENT`, asking first about files changed since the rewind it takes back. */
export function undoAsking(app: CockpitApp, agent: string): CommandOutcome {
  return runAsking(app, agent, { op: 'undo' }, (flag) => `undo -t ${agent}${flag}`);
}

function runAsking(app: CockpitApp, agent: string, operation: FileOperation, line: (flag: string) => string): CommandOutcome {
  const paced = app.controller.history.fileConflictsPaced(agent, operation);
  if (paced.kind === 'now') return answerConflicts(app, agent, operation, line, paced.value);
  // Thousands of files: checked in background slices (the pane counts them), then asked or run.
  void paced.value.then((checked) => {
    if (!checked.ok) app.show({ ok: false, error: `${operation.op} ${agent}: ${checked.error}` });
    else app.apply(answerConflicts(app, agent, operation, line, checked.value), line(''));
  });
  return { kind: 'ok', message: `${operation.op} ${agent}: checking ${paced.total} files first (its pane counts them)`, value: null };
}

/** Runs the operation when nothing conflicts, else opens the list with its three ways out. */
function answerConflicts(
  app: CockpitApp,
  agent: string,
  operation: FileOperation,
  line: (flag: string) => string,
  conflicts: Result<readonly string[]>,
): CommandOutcome {
  // No conflicts, or a problem the command itself reports (unknown agent, bad address…).
  if (!conflicts.ok || conflicts.value.length === 0) return app.dispatch(line(''));
  const count = conflicts.value.length === 1 ? '1 file' : `${conflicts.value.length} files`;
  const picker = app.view.openPicker({
    title: `${operation.op} ${agent}: ${count} changed since by someone else — o overwrite them · k keep them (restore the rest) · c cancel`,
    rows: conflicts.value.map((path) => ({ text: path, style: 'tool-error' as const })),
    actions: CHOICES,
    defaultAction: 'c',
    onAction: (choice) => {
      leave();
      if (choice === 'o') app.run(line(' --overwrite'));
      else if (choice === 'k') app.run(line(' --keep-changed'));
      else app.show({ ok: true, value: `${operation.op} cancelled; nothing changed` });
    },
    onClose: () => {
      leave();
      app.show({ ok: true, value: `${operation.op} cancelled; nothing changed` });
    },
  });
  const leave = app.modes.enter('file-conflicts', {
    kind: 'file-conflicts',
    move: (move) => picker.move(move),
    answer: (answer) => void picker.act(answer === 'overwrite' ? 'o' : answer === 'keep' ? 'k' : 'c'),
  });
  return { kind: 'ok', message: `${operation.op} ${agent}: ${count} changed since by someone else — choose`, value: null };
}
