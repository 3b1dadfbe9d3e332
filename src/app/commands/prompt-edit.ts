// `prompt-edit [-t AGENT]` (issue 14): the run view's `e` on a queued call opens its prompt in
// $VISUAL / $EDITOR (app/workflow/prompt-edit-flow.ts); saved, the agent starts with it. Reading
// and replacing the prompt without an editor is core's `queued-prompt`, so ctl reaches it too.
import * as z from 'zod';
import { targetOption } from '../../core/command-arguments.js';
import { failure } from '../../core/command.js';
import { runPromptEdit } from '../workflow/prompt-edit-flow.js';
import { defineAppCommand, done } from './app-command.js';

/** `prompt-edit [-t AGENT]`. */
export const promptEdit = defineAppCommand({
  name: 'prompt-edit',
  usage: 'prompt-edit [-t AGENT]',
  summary: "edit a queued workflow agent's prompt in $VISUAL / $EDITOR before it starts: saved, it starts with your text",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: z.object({ options: z.object({ target: z.string().optional() }) }),
  run(app, { options }) {
    const reference = options.target ?? app.controller.panes.focused();
    if (reference === undefined) return failure('prompt-edit', 'there is no agent');
    const agent = app.controller.resolveAgent(reference);
    if (!agent.ok) return failure('prompt-edit', agent.error);
    const prompt = app.controller.runs.queuedPrompt(agent.value);
    if (!prompt.ok) return failure('prompt-edit', prompt.error);
    const leave = app.modes.enter('edit');
    void runPromptEdit(app.view, app.controller, agent.value, app.editorCommand).then((outcome) => {
      leave();
      app.show(outcome);
    });
    return done(`editing ${agent.value}'s prompt`);
  },
});
