// `hold-accept [-t AGENT]`: the script gets the agent's held answer as it stands (issue 16).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';

const HoldAcceptArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Lets a held answer through to the script. */
export const holdAccept = defineCommand({
  name: 'hold-accept',
  usage: 'hold-accept [-t AGENT]',
  summary: "let a held workflow answer through: the script gets it as it stands",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: HoldAcceptArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'hold-accept', options.target);
    if (!agent.ok) return targetError(agent.error);
    return fromResult('hold-accept', api.runs.acceptHeld(agent.value), () => ({ agent: agent.value, held: 'accepted' }));
  },
});
