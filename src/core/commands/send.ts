// `send [-t AGENT] TEXT`: TEXT becomes the agent's next user message exactly (DESIGN.md §3).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';
import { sendMessage } from '../receipt-message.js';

const SendArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  text: z.string(),
});

/** Messages one agent; sent to a busy agent, the message is queued and starts the next turn. */
export const send = defineCommand({
  name: 'send',
  usage: 'send [-t AGENT] TEXT',
  summary: 'send TEXT to an agent as its next message (queued while it works)',
  spec: { options: [targetOption], positionals: [], text: 'required' },
  schema: SendArgs,
  run(api, { options, text }) {
    const agent = resolveTarget(api, 'send', options.target);
    if (!agent.ok) return targetError(agent.error);
    const receipt = api.delivery.send(agent.value, text);
    return fromResult('send', sendMessage(receipt), () => ({ deliveries: [receipt] }));
  },
});
