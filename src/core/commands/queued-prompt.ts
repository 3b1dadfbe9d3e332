// `queued-prompt [-t AGENT] [TEXT]` (issue 14): a queued workflow agent's prompt, before it starts.
// With TEXT the agent starts with TEXT instead of the script's prompt (its call key stays the
// script's); without, the prompt as it stands is the answer. The run view's `e` on a queued row
// opens it in $VISUAL / $EDITOR and ends here.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const QueuedPromptArgs = z.object({ options: z.object({ target: z.string().optional() }), text: z.string().optional() });

/** Reads or replaces the first message of a workflow agent still waiting for a slot. */
export const queuedPrompt = defineCommand({
  name: 'queued-prompt',
  usage: 'queued-prompt [-t AGENT] [TEXT]',
  summary: "a queued workflow agent's prompt: with TEXT it starts with TEXT instead; without, the prompt is shown",
  spec: { options: [targetOption], positionals: [], text: 'optional' },
  schema: QueuedPromptArgs,
  run(api, { options, text }) {
    const agent = resolveTarget(api, 'queued-prompt', options.target);
    if (!agent.ok) return targetError(agent.error);
    if (text === undefined) {
      const prompt = api.runs.queuedPrompt(agent.value);
      return fromResult('queued-prompt', prompt, () => ({ agent: agent.value, prompt: prompt.ok ? prompt.value : '' }));
    }
    return fromResult('queued-prompt', api.runs.replaceQueuedPrompt(agent.value, text), () => ({ agent: agent.value, prompt: text }));
  },
});
