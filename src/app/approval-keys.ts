// y / a / n while the focused agent waits for an approval (DESIGN.md §4): they answer the
// pending call through the `approve` command, before the normal key table sees them.
import type { KeyPress } from '../view/overlays/overlay.js';
import type { CockpitApp } from './cockpit-app.js';

/** The app mode of the one-line "reason" input opened by `n`. */
export const APPROVAL_REASON_MODE = 'refuse-reason';

/** True when the key answered the focused agent's pending call. */
export function handleApprovalKey(app: CockpitApp, key: KeyPress): boolean {
  const focused = app.controller.focused();
  const agent = focused === undefined ? undefined : app.controller.find(focused);
  if (agent === undefined || agent.state !== 'awaiting-approval') return false;
  const name = agent.name;
  switch (key.full) {
    case 'y':
      app.run(`approve -t ${name} y`);
      return true;
    case 'a':
      app.run(`approve -t ${name} a`);
      return true;
    case 'n':
      app.setMode(APPROVAL_REASON_MODE);
      app.view.openTextInput({
        title: `refuse ${agent.detail} — reason (optional), Enter refuses, Esc keeps waiting`,
        onSubmit: (reason) => {
          app.setMode('normal');
          const text = reason.trim();
          app.run(text === '' ? `approve -t ${name} n` : `approve -t ${name} n ${text}`);
        },
        onClose: () => app.setMode('normal'),
      });
      return true;
    default:
      return false;
  }
}
