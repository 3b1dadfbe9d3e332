// `interrupt [-t AGENT|all]`: abort the stream and keep what arrived (DESIGN.md §3).
import * as z from 'zod';
import { isBusy } from '../agent-state.js';
import { targetOption } from '../command-arguments.js';
import { actOnTargets } from '../command-target.js';
import { defineCommand, done, failure } from '../command.js';
import { targetOutcome, type TargetsValue } from '../command-values.js';

const InterruptArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Stops an agent (or every agent) mid-stream, committing the partial text. */
export const interrupt = defineCommand({
  name: 'interrupt',
  usage: 'interrupt [-t AGENT|all|@RUN[/PHASE]]',
  summary: 'stop an agent now, keeping what had arrived (-t all: every agent; -t @RUN[/PHASE]: a workflow run’s agents)',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: InterruptArgs,
  run(api, { options }) {
    if (options.target !== 'all') return actOnTargets(api, 'interrupt', options.target, (agent) => api.interrupt(agent));
    // One line for all of them: only the agents at work are interrupted and named.
    const working = api.agents().filter((agent) => isBusy(agent.state));
    if (working.length === 0) return done('no agent is working: nothing to interrupt', { targets: [] });
    const answers = working.map((agent) => ({ name: agent.name, answer: api.interrupt(agent.name) }));
    const failed = answers.flatMap(({ name, answer }) => (answer.ok ? [] : [`${name}: ${answer.error}`]));
    const names = answers.flatMap(({ name, answer }) => (answer.ok ? [name] : []));
    const message = [names.length > 0 ? `interrupted ${names.join(', ')}` : '', ...failed].filter((part) => part !== '').join('; ');
    if (names.length === 0) return failure('interrupt', message);
    const value: TargetsValue = { targets: answers.map(({ name, answer }) => targetOutcome(api, name, answer)) };
    return done(message, value);
  },
});
