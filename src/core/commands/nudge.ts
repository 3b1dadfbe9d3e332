// `nudge [-t AGENT] [--interrupt] TEXT`: steer one agent at its next safe point (DESIGN.md §4).
import * as z from 'zod';
import { flag, interruptOption, targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, done, failure } from '../command.js';
import { formatReceipts } from '../receipt-message.js';
import type { DeliveriesValue } from '../command-values.js';

const NudgeArgs = z.object({
  options: z.object({ target: z.string().optional(), interrupt: flag }),
  text: z.string(),
});

/** Joins TEXT to the agent's running turn (or starts one if idle) and reports the delivery. */
export const nudge = defineCommand({
  name: 'nudge',
  usage: 'nudge [-t AGENT] [--interrupt] TEXT',
  summary: 'nudge an agent with TEXT at its next safe point (--interrupt: at once)',
  spec: { options: [targetOption, interruptOption], positionals: [], text: 'required' },
  schema: NudgeArgs,
  run(api, { options, text }) {
    const agent = resolveTarget(api, 'nudge', options.target);
    if (!agent.ok) return targetError(agent.error);
    const receipt = api.delivery.nudge(agent.value, text, { interrupt: options.interrupt });
    const value: DeliveriesValue = { deliveries: [receipt] };
    if (receipt.outcome === 'refused') return failure('nudge', `${receipt.agent} refused (${receipt.detail})`);
    return done(formatReceipts('nudge', [receipt]), value);
  },
});
