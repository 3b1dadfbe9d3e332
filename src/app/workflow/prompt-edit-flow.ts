// `prompt-edit` (the run view's `e` on a queued row, issue 14): a queued workflow call's prompt in
// $VISUAL/$EDITOR with the screen suspended (the in-app text area when neither is set); saved, the
// agent starts with it (`queued-prompt TEXT`). Should the call start while the editor is open, the
// text is not thrown away: its file stays, named in the result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Controller } from '../../core/controller.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { CockpitView } from '../../view/cockpit-view.js';

/** What the person saved, judged against the prompt they started from. */
function saved(controller: Controller, agent: string, before: string, text: string): Result<string> {
  if (text === before) return ok(`${agent}'s prompt is unchanged`);
  return controller.runs.replaceQueuedPrompt(agent, text);
}

/** Opens queued `agent`'s prompt; resolves with the status-bar result once it is saved or dropped. */
export async function runPromptEdit(view: CockpitView, controller: Controller, agent: string, editorCommand: string | undefined): Promise<Result<string>> {
  const prompt = controller.runs.queuedPrompt(agent);
  if (!prompt.ok) return prompt;
  const before = prompt.value;
  if (editorCommand === undefined || editorCommand.trim() === '') {
    return new Promise((resolve) => {
      view.openTextArea({
        title: `${agent}'s prompt (queued) — C-s saves: it starts with this; Esc cancels`,
        text: before,
        onSave: (text) => resolve(saved(controller, agent, before, text)),
        onClose: () => resolve(ok(`edit cancelled: ${agent} keeps its prompt`)),
      });
    });
  }
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
    const given = saved(controller, agent, before, text);
    if (given.ok || text.trim() === '') return given;
    keep = true;
    return err(`${given.error} — your text is kept in ${file} (send it with :send -t ${agent})`);
  } catch (thrown) {
    return err(`prompt-edit: ${messageOf(thrown)}`);
  } finally {
    if (dir !== undefined && !keep) rmSync(dir, { recursive: true, force: true });
  }
}
