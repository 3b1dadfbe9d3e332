// `e` / `edit N` without TEXT: the entry's text in $VISUAL/$EDITOR with the screen suspended,
// as `git commit` does; with neither set, an in-app text area. The saved text becomes the edit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAddress, type TurnAddress } from '../core/address.js';
import type { Controller } from '../core/controller.js';
import { err, messageOf, type Result } from '../core/result.js';
import type { CockpitView } from '../view/cockpit-view.js';

export type EditRequest = { readonly agent: string; readonly address: TurnAddress; readonly text: string };

/** Opens the editor on an entry; resolves with the status-bar result once the edit is done or dropped. */
export async function runEditFlow(
  view: CockpitView,
  controller: Controller,
  request: EditRequest,
  editorCommand: string | undefined,
): Promise<Result<string>> {
  if (editorCommand === undefined || editorCommand.trim() === '') {
    return new Promise((resolve) => {
      view.openTextArea({
        title: `edit ${request.agent} ${formatAddress(request.address)} — C-s saves, Esc cancels`,
        text: request.text,
        onSave: (text) => resolve(controller.edit(request.agent, request.address, text)),
        onClose: () => resolve({ ok: true, value: 'edit cancelled' }),
      });
    });
  }
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'agentmux-edit-'));
    const file = join(dir, `${request.agent}-${formatAddress(request.address)}.md`);
    writeFileSync(file, request.text);
    const ran = await view.editExternally(editorCommand, file);
    if (!ran.ok) return ran;
    let text = readFileSync(file, 'utf8');
    // Editors end files with a newline; keep the entry's own ending.
    if (!request.text.endsWith('\n') && text.endsWith('\n')) text = text.slice(0, -1);
    if (text === request.text) return { ok: true, value: `${formatAddress(request.address)} is unchanged` };
    return controller.edit(request.agent, request.address, text);
  } catch (thrown) {
    return err(`edit: ${messageOf(thrown)}`);
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}
