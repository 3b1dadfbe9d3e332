// `retry [-t AGENT]`: re-run the last turn after an error or interrupt (DESIGN.md §5).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import { targetOf } from '../command-values.js';

const RetryArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Sends the agent's last request again, after an error or an interrupt. */
export const retry = defineCommand({
  name: 'retry',
  usage: 'retry [-t AGENT]',
  summary: 're-run the last turn after an error or interrupt',
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: RetryArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'retry', options.target);
    if (!agent.ok) return targetError(agent.error);
    return targetOf(api, 'retry', agent.value, api.retry(agent.value));
  },
});
