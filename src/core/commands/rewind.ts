// `rewind [-t AGENT] TURN[.K]`: move the head back; later turns stay on a branch (DESIGN.md §3).
import { z } from 'zod';
import { targetOption, turnAddress } from '../command-arguments.js';
import { resolveTarget } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const RewindArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ address: turnAddress }),
});

/** Keeps turns 1…N (or up to entry N.K) on the active branch; `undo` brings the rest back. */
export const rewind = defineCommand({
  name: 'rewind',
  usage: 'rewind [-t AGENT] TURN[.K]',
  summary: 'keep turns up to TURN (or entry TURN.K) and take later ones off the branch',
  spec: {
    options: [targetOption],
    positionals: [{ key: 'address', name: 'TURN[.K]', required: true }],
    text: 'none',
  },
  schema: RewindArgs,
  run(api, { options, positionals }) {
    const agent = resolveTarget(api, 'rewind', options.target);
    if (!agent.ok) return { kind: 'error', message: agent.error };
    return fromResult('rewind', api.rewind(agent.value, positionals.address));
  },
});
