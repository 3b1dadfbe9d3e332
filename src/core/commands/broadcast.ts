// `broadcast [-t @RUN[/PHASE]] [--interrupt] TEXT`: a nudge to every agent, or to a workflow
// run's agents (or one phase's), reported per agent (DESIGN.md §4, §9).
import * as z from 'zod';
import { flag, interruptOption } from '../command-arguments.js';
import { defineCommand, done, failure, usageError } from '../command.js';
import { formatReceipts } from '../receipt-message.js';
import type { DeliveriesValue } from '../command-values.js';
import { isRunTarget } from '../workflow/call-steering.js';

const BroadcastArgs = z.object({
  options: z.object({ interrupt: flag, target: z.string().optional() }),
  text: z.string(),
});

/** Nudges every agent (or a run's) at once; the status bar says which were delivered, queued or refused. */
export const broadcast = defineCommand({
  name: 'broadcast',
  usage: 'broadcast [-t @RUN[/PHASE]] [--interrupt] TEXT',
  summary: "nudge every agent with TEXT (-t @RUN[/PHASE]: a workflow run's agents; --interrupt: at once, not at the next safe point)",
  spec: { options: [{ kind: 'value', flag: '-t', key: 'target', valueName: '@RUN' }, interruptOption], positionals: [], text: 'required' },
  schema: BroadcastArgs,
  run(api, { options, text }) {
    let agents: readonly string[] | undefined;
    if (options.target !== undefined) {
      if (!isRunTarget(options.target)) return usageError('broadcast', `-t takes @RUN or @RUN/PHASE (to nudge one agent: nudge -t ${options.target})`);
      const named = api.runs.agents(options.target);
      if (!named.ok) return usageError('broadcast', named.error);
      agents = named.value;
    }
    const receipts = api.delivery.broadcast(text, { interrupt: options.interrupt, ...(agents === undefined ? {} : { agents }) });
    if (receipts.length === 0) return failure('broadcast', 'there is no agent');
    const value: DeliveriesValue = { deliveries: receipts };
    return done(formatReceipts('broadcast', receipts), value);
  },
});
