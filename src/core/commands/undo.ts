// `undo [-t AGENT]`: reverse the agent's last rewind, edit, graft or fork (DESIGN.md §3).
import { z } from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const UndoArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Pops the agent's undo stack: nothing is deleted, the head just moves back. */
export const undo = defineCommand({
  name: 'undo',
  usage: 'undo [-t AGENT]',
  summary: 'reverse the last rewind, edit, graft or fork',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: UndoArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'undo', options.target);
    if (!agent.ok) return { kind: 'error', message: agent.error };
    return fromResult('undo', api.undo(agent.value));
  },
});
