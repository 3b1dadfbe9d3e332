// `close [-t AGENT]`: stop an agent and remove its pane; its session stays in the store (DESIGN.md §5).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import { targetOf } from '../command-values.js';

const CloseArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Closes a pane; a running turn is kept as interrupted, and `new NAME` reattaches the session later. */
export const close = defineCommand({
  name: 'close',
  usage: 'close [-t AGENT]',
  summary: "close an agent's pane (its session stays in the store; new NAME reopens it)",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: CloseArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'close', options.target);
    if (!agent.ok) return targetError(agent.error);
    return targetOf(api, 'close', agent.value, api.panes.close(agent.value));
  },
});
