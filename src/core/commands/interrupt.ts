// `interrupt [-t AGENT|all]`: abort the stream and keep what arrived (DESIGN.md §3).
import { z } from 'zod';
import { isBusy } from '../agent-state.js';
import { targetOption } from '../command-arguments.js';
import { actOnTargets } from '../command-target.js';
import { defineCommand } from '../command.js';

const InterruptArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Stops an agent (or every agent) mid-stream, committing the partial text. */
export const interrupt = defineCommand({
  name: 'interrupt',
  usage: 'interrupt [-t AGENT|all]',
  summary: 'stop an agent now, keeping what had arrived (-t all: every agent)',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: InterruptArgs,
  run(api, { options }) {
    if (options.target !== 'all') return actOnTargets(api, 'interrupt', options.target, (agent) => api.interrupt(agent));
    // One line for all of them: only the agents at work are interrupted and named.
    const working = api.agents().filter((agent) => isBusy(agent.state));
    if (working.length === 0) return { kind: 'ok', message: 'no agent is working: nothing to interrupt' };
    const done = working.map((agent) => ({ name: agent.name, answer: api.interrupt(agent.name) }));
    const failed = done.flatMap(({ name, answer }) => (answer.ok ? [] : [`${name}: ${answer.error}`]));
    const names = done.flatMap(({ name, answer }) => (answer.ok ? [name] : []));
    const message = [names.length > 0 ? `interrupted ${names.join(', ')}` : '', ...failed].filter((part) => part !== '').join('; ');
    return names.length > 0 ? { kind: 'ok', message } : { kind: 'error', message: `interrupt: ${message}` };
  },
});
