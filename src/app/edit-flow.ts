// `e` / `edit N` without TEXT: the entry's text in $VISUAL/$EDITOR with the screen suspended,
// as `git commit` does; with neither set, an in-app text area. The saved text becomes the edit.
import { formatAddress, type TurnAddress } from '../core/address.js';
import type { Controller } from '../core/controller.js';
import { err, messageOf, ok, type Result } from '../core/result.js';
import type { CockpitView } from '../view/cockpit-view.js';
import type { ExternalEdits } from './external-edits.js';

export type EditRequest = { readonly agent: string; readonly address: TurnAddress; readonly text: string };

/** Opens the editor on an entry; resolves with the status-bar result once the edit is done or dropped. */
export async function runEditFlow(
  view: CockpitView,
  editors: ExternalEdits,
  controller: Controller,
  request: EditRequest,
  editorCommand: string | undefined,
): Promise<Result<string>> {
  if (editorCommand === undefined || editorCommand.trim() === '') {
    return new Promise((resolve) => {
      view.openTextArea({
        title: `edit ${request.agent} ${formatAddress(request.address)} — C-s saves, Esc cancels`,
        text: request.text,
        onSave: (text) => resolve(controller.history.edit(request.agent, request.address, text)),
        onClose: () => resolve({ ok: true, value: 'edit cancelled' }),
      });
    });
  }
  const spec = { what: `edit ${request.agent} ${formatAddress(request.address)}`, prefix: 'agentmux-edit-', name: `${request.agent}-${formatAddress(request.address)}.md` };
  try {
    return await editors.withFile(editorCommand, spec, async (file) => {
      const ran = await file.round(request.text);
      if (ran.kind === 'stopped') return err(`edit: agentmux stopped while ${formatAddress(request.address)} was being edited: nothing changed`);
      if (ran.kind === 'failed') return err(ran.why);
      let text = ran.text;
      // Editors end files with a newline; keep the entry's own ending.
      if (!request.text.endsWith('\n') && text.endsWith('\n')) text = text.slice(0, -1);
      if (text === request.text) return ok(`${formatAddress(request.address)} is unchanged`);
      return controller.history.edit(request.agent, request.address, text);
    });
  } catch (thrown) {
    return err(`edit: ${messageOf(thrown)}`);
  }
}
