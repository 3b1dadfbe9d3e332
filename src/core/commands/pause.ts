// `pause [-t AGENT|all]`: hold an agent before its next model call (DESIGN.md §4).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { actOnTargets } from '../command-target.js';
import { defineCommand } from '../command.js';

const PauseArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Holds an agent (or every agent); nudges sent meanwhile are queued. */
export const pause = defineCommand({
  name: 'pause',
  usage: 'pause [-t AGENT|all|@RUN[/PHASE]]',
  summary: 'pause an agent before its next model call (-t all: every agent; -t @RUN[/PHASE]: a workflow run’s agents)',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: PauseArgs,
  run(api, { options }) {
    return actOnTargets(api, 'pause', options.target, (agent) => api.pause(agent));
  },
});
