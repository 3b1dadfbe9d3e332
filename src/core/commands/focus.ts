// `focus AGENT`: move the focus to an agent, by name or pane number (DESIGN.md §5).
import * as z from 'zod';
import { defineCommand, usageError } from '../command.js';
import { targetOf } from '../command-values.js';

const FocusArgs = z.object({ positionals: z.object({ agent: z.string() }) });

/** Focuses an agent: the one commands act on when `-t` is absent. */
export const focus = defineCommand({
  name: 'focus',
  usage: 'focus AGENT',
  summary: 'focus an agent (by name or pane number)',
  spec: { options: [], positionals: [{ key: 'agent', name: 'AGENT', required: true }], text: 'none' },
  schema: FocusArgs,
  run(api, { positionals }) {
    const agent = api.resolveAgent(positionals.agent);
    if (!agent.ok) return usageError('focus', agent.error);
    return targetOf(api, 'focus', agent.value, api.panes.focus(agent.value));
  },
});
