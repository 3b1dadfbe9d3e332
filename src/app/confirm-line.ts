// Keys that stop or interrupt workflow runs ask first (DESIGN.md §9): the key's command opens a
// confirm mode, and `y` runs the real command line through `dispatch`. Over ctl nothing asks
// (DESIGN.md §5): the line runs at once.
import type { CommandOutcome } from '../core/command.js';
import type { CockpitApp } from './cockpit-app.js';

/** Asks `question`; `y` runs `line` (its result shown), any other key cancels. Unattended: runs `line` now. */
export function confirmThenRun(app: CockpitApp, question: string, line: string): CommandOutcome {
  if (app.unattendedLine) {
    const { command: _command, ...outcome } = app.dispatch(line);
    return outcome;
  }
  const confirm = app.view.openConfirm({
    question: `${question} y / any other key cancels`,
    onConfirm: () => {
      leave();
      app.run(line);
    },
    onClose: () => {
      leave();
      app.show({ ok: true, value: `${line.split(' ')[0] ?? line}: cancelled` });
    },
  });
  const leave = app.modes.enter('confirm', { kind: 'confirm', answer: (yes) => confirm.answer(yes) });
  return { kind: 'ok', message: `${question} y: ${line} / any other key cancels`, value: null };
}
