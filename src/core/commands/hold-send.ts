// `hold-send [-t AGENT] TEXT`: the held agent gets TEXT as a message and goes on working; its
// next answer is held again (issue 16). The `s` key of the hold mode opens the prompt with it.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const HoldSendArgs = z.object({ options: z.object({ target: z.string().optional() }), text: z.string({ message: 'write the note: hold-send [-t AGENT] TEXT' }) });

/** Sends a held answer back with a note. */
export const holdSend = defineCommand({
  name: 'hold-send',
  usage: 'hold-send [-t AGENT] TEXT',
  summary: 'send a held answer back: the agent gets TEXT and goes on working (its next answer is held again)',
  spec: { options: [targetOption], positionals: [], text: 'required' },
  schema: HoldSendArgs,
  run(api, { options, text }) {
    const agent = resolveTarget(api, 'hold-send', options.target);
    if (!agent.ok) return targetError(agent.error);
    return fromResult('hold-send', api.runs.sendBackHeld(agent.value, text.trim()), () => ({ agent: agent.value, held: 'sent-back' }));
  },
});
