// `resume [-t AGENT|all]`: let a paused agent carry on (DESIGN.md §4).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { actOnTargets } from '../command-target.js';
import { defineCommand } from '../command.js';

const ResumeArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Lets a paused agent (or every agent) carry on with what is queued. */
export const resume = defineCommand({
  name: 'resume',
  usage: 'resume [-t AGENT|all|@RUN[/PHASE]]',
  summary: 'resume a paused agent (-t all: every agent; -t @RUN[/PHASE]: a workflow run’s agents)',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: ResumeArgs,
  run(api, { options }) {
    return actOnTargets(api, 'resume', options.target, (agent) => api.resume(agent));
  },
});
