// `broadcast [--interrupt] TEXT`: a nudge to every agent, reported per agent (DESIGN.md §4).
import { z } from 'zod';
import { flag, interruptOption } from '../command-arguments.js';
import { defineCommand, done, failure } from '../command.js';
import { formatReceipts } from '../receipt-message.js';
import type { DeliveriesValue } from '../command-values.js';

const BroadcastArgs = z.object({
  options: z.object({ interrupt: flag }),
  text: z.string(),
});

/** Nudges every agent at once; the status bar says which were delivered, queued or refused. */
export const broadcast = defineCommand({
  name: 'broadcast',
  usage: 'broadcast [--interrupt] TEXT',
  summary: 'nudge every agent with TEXT (--interrupt: at once, not at the next safe point)',
  spec: { options: [interruptOption], positionals: [], text: 'required' },
  schema: BroadcastArgs,
  run(api, { options, text }) {
    const receipts = api.broadcast(text, { interrupt: options.interrupt });
    if (receipts.length === 0) return failure('broadcast', 'there is no agent');
    const value: DeliveriesValue = { deliveries: receipts };
    return done(formatReceipts('broadcast', receipts), value);
  },
});
