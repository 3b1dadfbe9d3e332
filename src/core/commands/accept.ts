// `accept [-t AGENT]`: a workflow agent's pending call resolves to its last answer as it stands
// (DESIGN.md §9), e.g. after Esc; with a schema only a valid answer is taken.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';
import type { ResolvedCallValue } from '../command-values.js';

const AcceptArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Gives the script the agent's last answer now (its work, if any, is interrupted). */
export const accept = defineCommand({
  name: 'accept',
  usage: 'accept [-t AGENT]',
  summary: "resolve a workflow agent's call to its last answer as it stands (with a schema: only a valid one)",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: AcceptArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'accept', options.target);
    if (!agent.ok) return targetError(agent.error);
    const value: ResolvedCallValue = { agent: agent.value, resolved: 'accepted' };
    return fromResult('accept', api.runs.accept(agent.value), () => value);
  },
});
