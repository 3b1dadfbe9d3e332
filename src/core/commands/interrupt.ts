// `interrupt [-t AGENT|all]`: abort the stream and keep what arrived (DESIGN.md §3).
import { z } from 'zod';
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
    return actOnTargets(api, 'interrupt', options.target, (agent) => api.interrupt(agent));
  },
});
