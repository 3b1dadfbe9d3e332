// `fork [-t AGENT] [TURN[.K]]`: start a new session from an entry of this one (DESIGN.md §3).
import { z } from 'zod';
import { targetOption, turnAddress } from '../command-arguments.js';
import { resolveTarget } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const ForkArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ address: turnAddress.optional() }),
});

/** Opens a new agent whose session starts from TURN[.K] (the head when absent). */
export const fork = defineCommand({
  name: 'fork',
  usage: 'fork [-t AGENT] [TURN[.K]]',
  summary: 'start a new agent from this one, at TURN[.K] or at its head',
  spec: {
    options: [targetOption],
    positionals: [{ key: 'address', name: 'TURN[.K]', required: false }],
    text: 'none',
  },
  schema: ForkArgs,
  run(api, { options, positionals }) {
    const agent = resolveTarget(api, 'fork', options.target);
    if (!agent.ok) return { kind: 'error', message: agent.error };
    return fromResult('fork', api.fork(agent.value, positionals.address));
  },
});
