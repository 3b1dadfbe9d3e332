// `rename [-t AGENT] NAME`: give an agent (and its stored session) a new name (DESIGN.md §5).
import * as z from 'zod';
import { agentName, targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import { targetOf } from '../command-values.js';

const RenameArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ name: agentName }),
});

/** Renames an agent; the journal records it, so later starts find the session under NAME. */
export const rename = defineCommand({
  name: 'rename',
  usage: 'rename [-t AGENT] NAME',
  summary: 'rename an agent and its session (later starts find it under NAME)',
  spec: {
    options: [targetOption],
    positionals: [{ key: 'name', name: 'NAME', required: true }],
    text: 'none',
  },
  schema: RenameArgs,
  run(api, { options, positionals }) {
    const agent = resolveTarget(api, 'rename', options.target);
    if (!agent.ok) return targetError(agent.error);
    return targetOf(api, 'rename', agent.value, api.panes.rename(agent.value, positionals.name));
  },
});
