// `restart [-t AGENT]`: start a PTY agent's command again in its pane (DESIGN.md §4), after it
// exited or to replace a stuck one.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import { targetOf } from '../command-values.js';

const RestartArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Starts the hosted command again (a running child is killed first). */
export const restart = defineCommand({
  name: 'restart',
  usage: 'restart [-t AGENT]',
  summary: "start a PTY agent's command again in its pane (kills it first if it still runs)",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: RestartArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'restart', options.target);
    if (!agent.ok) return targetError(agent.error);
    return targetOf(api, 'restart', agent.value, api.panes.restart(agent.value));
  },
});
