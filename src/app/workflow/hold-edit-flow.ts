// `hold-edit` (the hold mode's `e`, issue 16): a held answer in $VISUAL/$EDITOR with the screen
// suspended (the in-app text area when neither is set). A schema-bound value is re-validated with
// the call's ajv check; on a problem the editor opens again with the problems above the person's
// own text, until the value is right or the file is saved empty (the answer stays held).
import type { Controller } from '../../core/controller.js';
import type { JsonValue } from '../../core/json-value.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { heldValueText, type HeldAnswer } from '../../core/workflow/call-hold.js';
import { editorText, readEdited, type EditedValue } from '../../core/workflow/held-edit.js';
import { heldCall } from '../../core/workflow/hold-steering.js';
import type { CockpitView } from '../../view/cockpit-view.js';
import type { EditorFile, ExternalEdits } from '../external-edits.js';

/** One round of editing: the saved text (notes included), or undefined when the person cancelled (the text area's Esc). */
type EditRound = (text: string) => Promise<Result<string | undefined>>;

/** Opens the held answer of `agent` until it is given, cancelled, or cannot be edited; resolves with the status-bar result. */
export async function runHoldEdit(view: CockpitView, editors: ExternalEdits, controller: Controller, agent: string, editorCommand: string | undefined): Promise<Result<string>> {
  const held = heldCall(controller.workflows, agent);
  if (!held.ok) return held;
  if (editorCommand === undefined || editorCommand.trim() === '') return editRounds(controller, agent, held.value, textAreaRound(view, agent));
  const spec = {
    what: `${agent}'s held answer (still held)`,
    prefix: 'agentmux-held-',
    name: `${agent}-answer.${held.value.schema || typeof held.value.value !== 'string' ? 'json' : 'md'}`,
  };
  try {
    return await editors.withFile(editorCommand, spec, (file) => editRounds(controller, agent, held.value, externalRound(file)));
  } catch (thrown) {
    return err(`hold-edit: ${messageOf(thrown)}`);
  }
}

async function editRounds(controller: Controller, agent: string, held: HeldAnswer, round: EditRound): Promise<Result<string>> {
  const original = heldValueText(held);
  let body = original;
  let problems: readonly string[] = [];
  for (;;) {
    const saved = await round(editorText(agent, body, problems));
    if (!saved.ok) return saved;
    const read: EditedValue = saved.value === undefined ? { kind: 'cancelled' } : readEdited(held, original, saved.value);
    switch (read.kind) {
      case 'cancelled':
        return ok(`edit cancelled: ${agent}'s answer is still held (y accept · e edit · s send back)`);
      case 'unchanged':
        return ok(`${agent}'s answer is unchanged and still held (y accepts it as it is)`);
      case 'wrong':
        body = read.text;
        problems = read.problems;
        continue;
      case 'value':
        return give(controller, agent, held, read.value);
    }
  }
}

/** Gives the value, if the held answer is still the one edited (it may have been accepted or sent back meanwhile). */
function give(controller: Controller, agent: string, held: HeldAnswer, value: JsonValue): Result<string> {
  const now = heldCall(controller.workflows, agent);
  if (!now.ok || now.value !== held) return err(`${agent}'s held answer changed while you edited it: your value was not given (${now.ok ? 'a newer answer is held' : now.error})`);
  return controller.runs.replaceHeld(agent, value);
}

function externalRound(file: EditorFile): EditRound {
  return async (text) => {
    const ran = await file.round(text);
    switch (ran.kind) {
      case 'saved':
        return ok(ran.text);
      case 'failed':
        return err(ran.why);
      case 'stopped':
        // The answer stays held: the run is stopped with it unanswered, so it can be continued.
        return err('hold-edit: agentmux stopped while the answer was being edited: it is still held');
    }
  };
}

function textAreaRound(view: CockpitView, agent: string): EditRound {
  return (text) =>
    new Promise((resolve) => {
      view.openTextArea({
        title: `${agent}'s held answer — C-s gives it to the script, Esc keeps it held`,
        text,
        onSave: (saved) => resolve(ok(saved)),
        onClose: () => resolve(ok(undefined)),
      });
    });
}
