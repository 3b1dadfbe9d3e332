// `prompt-edit` (the run view's `e` on a queued row, issue 14): a queued workflow call's prompt in
// $VISUAL/$EDITOR with the screen suspended (the in-app text area when neither is set); saved, the
// agent starts with it. While the editor is open the call does not start — it may take its slot
// and wait — so what the person saves is what it starts with, as they would expect; closing the
// editor (saved or not) lets it start. Should the call end meanwhile (skipped, its run stopped),
// the text is not thrown away: its file stays, named in the result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Controller } from '../../core/controller.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { saveEditedPrompt, type PromptEditing } from '../../core/workflow/queued-prompt.js';
import type { CockpitView } from '../../view/cockpit-view.js';

/** The in-app text area: saved or cancelled, the call may start. */
function inAppEdit(view: CockpitView, agent: string, editing: PromptEditing): Promise<Result<string>> {
  return new Promise((resolve) => {
    view.openTextArea({
      title: `${agent}'s prompt (queued: it starts when you close this) — C-s saves: it starts with this; Esc cancels`,
      text: editing.prompt,
      onSave: (text) => resolve(saveEditedPrompt(editing, text)),
      onClose: () => resolve(ok(`edit cancelled: ${agent} keeps its prompt`)),
    });
  });
}

/** $VISUAL / $EDITOR on a temporary file; a text that could not be used stays in its file. */
async function externalEdit(view: CockpitView, agent: string, editing: PromptEditing, editorCommand: string): Promise<Result<string>> {
  const before = editing.prompt;
  let dir: string | undefined;
  let keep = false;
  try {
    dir = mkdtempSync(join(tmpdir(), 'agentmux-prompt-'));
    const file = join(dir, `${agent}-prompt.md`);
    writeFileSync(file, before);
    const ran = await view.editExternally(editorCommand, file);
    if (!ran.ok) return ran;
    let text = readFileSync(file, 'utf8');
    // Editors end files with a newline; keep the prompt's own ending.
    if (!before.endsWith('\n') && text.endsWith('\n')) text = text.slice(0, -1);
    const given = saveEditedPrompt(editing, text);
    if (given.ok || text.trim() === '' || text === before) return given;
    keep = true;
    return err(`${given.error} — your text is kept in ${file}`);
  } catch (thrown) {
    return err(`prompt-edit: ${messageOf(thrown)}`);
  } finally {
    if (dir !== undefined && !keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens queued `agent`'s prompt; resolves with the status-bar result once it is saved or dropped (the call may start then). */
export async function runPromptEdit(view: CockpitView, controller: Controller, agent: string, editorCommand: string | undefined): Promise<Result<string>> {
  const editing = controller.runs.editQueuedPrompt(agent);
  if (!editing.ok) return editing;
  try {
    if (editorCommand === undefined || editorCommand.trim() === '') return await inAppEdit(view, agent, editing.value);
    return await externalEdit(view, agent, editing.value, editorCommand);
  } finally {
    editing.value.release();
  }
}
