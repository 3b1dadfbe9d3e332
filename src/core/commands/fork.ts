// `fork [-t AGENT] [TURN[.K]]`: start a new session from an entry of this one (DESIGN.md §3).
import * as z from 'zod';
import { targetOption, turnAddress } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, done, failure } from '../command.js';
import { openedAgent, type OpenedValue } from '../command-values.js';

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
    if (!agent.ok) return targetError(agent.error);
    const before = [...api.agents()];
    const answer = api.history.fork(agent.value, positionals.address);
    if (!answer.ok) return failure('fork', answer.error);
    const opened = openedAgent(before, api.agents());
    if (opened === undefined) return failure('fork', `${answer.value}, but no new pane appeared`);
    const value: OpenedValue = { agent: opened };
    return done(answer.value, value);
  },
});
