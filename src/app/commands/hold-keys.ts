// The hold mode's app command (issue 16): `hold-edit [-t AGENT]` opens a held answer in
// $VISUAL/$EDITOR (app/workflow/hold-edit-flow.ts). Accepting and sending back are core's
// (`hold-accept`, `hold-send`), so ctl reaches them too.
import * as z from 'zod';
import { targetOption } from '../../core/command-arguments.js';
import { failure } from '../../core/command.js';
import { heldCall } from '../../core/workflow/hold-steering.js';
import { runHoldEdit } from '../workflow/hold-edit-flow.js';
import { defineAppCommand, done } from './app-command.js';

/** `hold-edit [-t AGENT]`: `e` in the hold mode. */
export const holdEdit = defineAppCommand({
  name: 'hold-edit',
  usage: 'hold-edit [-t AGENT]',
  summary: "edit a held workflow answer in $VISUAL / $EDITOR: saved, the script gets it (a schema-bound value is checked first; the editor reopens on a problem)",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: z.object({ options: z.object({ target: z.string().optional() }) }),
  run(app, { options }) {
    const reference = options.target ?? app.controller.panes.focused();
    if (reference === undefined) return failure('hold-edit', 'there is no agent');
    const agent = app.controller.resolveAgent(reference);
    if (!agent.ok) return failure('hold-edit', agent.error);
    const held = heldCall(app.controller.workflows, agent.value);
    if (!held.ok) return failure('hold-edit', held.error);
    const leave = app.modes.enter('edit');
    void runHoldEdit(app.view, app.editors, app.controller, agent.value, app.editorCommand).then((outcome) => {
      leave();
      app.show(outcome);
    });
    return done(`editing ${agent.value}'s held answer`);
  },
});
