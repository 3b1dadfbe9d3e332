// `edit [-t AGENT] TURN[.K] [TEXT]`: replace one entry on a new branch (DESIGN.md §3).
import * as z from 'zod';
import { targetOption, turnAddress } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, failure } from '../command.js';
import { moveOf } from '../command-values.js';

const EditArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ address: turnAddress }),
  text: z.string().optional(),
});

/** With TEXT, the entry reads as TEXT from now on; without, the view opens it in an editor. */
export const edit = defineCommand({
  name: 'edit',
  usage: 'edit [-t AGENT] TURN[.K] [TEXT]',
  summary: 'replace an entry with TEXT, or open it in $VISUAL/$EDITOR without TEXT',
  spec: {
    options: [targetOption],
    positionals: [{ key: 'address', name: 'TURN[.K]', required: true }],
    text: 'optional',
  },
  schema: EditArgs,
  run(api, { options, positionals, text }) {
    const agent = resolveTarget(api, 'edit', options.target);
    if (!agent.ok) return targetError(agent.error);
    const address = positionals.address;
    if (text !== undefined) return moveOf(api, 'edit', agent.value, () => api.history.edit(agent.value, address, text));
    const current = api.history.entryText(agent.value, address);
    if (!current.ok) return failure('edit', current.error);
    return { kind: 'open-editor', agent: agent.value, address, text: current.value };
  },
});
