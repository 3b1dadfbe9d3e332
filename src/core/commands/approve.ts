// `approve [-t AGENT] y|a|n [REASON]`: answer the tool call an agent waits on (DESIGN.md §4).
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import type { ApprovalDecision } from '../approval-decision.js';
import { targetOf } from '../command-values.js';

const Answer = z.enum(['y', 'a', 'n'], { error: 'expected y (once), a (always) or n (refuse)' });

const ApproveArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ answer: Answer }),
  text: z.string().optional(),
});

function decisionOf(answer: 'y' | 'a' | 'n', reason: string | undefined): ApprovalDecision {
  if (answer === 'y') return { kind: 'yes' };
  if (answer === 'a') return { kind: 'always' };
  return reason === undefined ? { kind: 'no' } : { kind: 'no', reason };
}

/** The only way a pending writing call runs: nudges, broadcasts and grafts never approve. */
export const approve = defineCommand({
  name: 'approve',
  usage: 'approve [-t AGENT] y|a|n [REASON]',
  summary: 'answer a pending tool call: y once, a always (kept in the journal), n refuse with REASON',
  spec: {
    options: [targetOption],
    positionals: [{ key: 'answer', name: 'y|a|n', required: true }],
    text: 'optional',
  },
  schema: ApproveArgs,
  run(api, { options, positionals, text }) {
    const agent = resolveTarget(api, 'approve', options.target);
    if (!agent.ok) return targetError(agent.error);
    return targetOf(api, 'approve', agent.value, api.decide(agent.value, decisionOf(positionals.answer, text)));
  },
});
