// `skip [-t AGENT]`: a workflow agent's pending call resolves to null, "skipped by the user"
// (DESIGN.md §9); a queued agent never starts. The agent keeps its session.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';
import type { ResolvedCallValue } from '../command-values.js';

const SkipArgs = z.object({ options: z.object({ target: z.string().optional() }) });

/** Gives the script null for the agent's call now, whatever the agent is doing. */
export const skip = defineCommand({
  name: 'skip',
  usage: 'skip [-t AGENT]',
  summary: "resolve a workflow agent's call to null (a queued one never starts; a working one is interrupted)",
  spec: { options: [targetOption], positionals: [], text: 'none' },
  schema: SkipArgs,
  run(api, { options }) {
    const agent = resolveTarget(api, 'skip', options.target);
    if (!agent.ok) return targetError(agent.error);
    const value: ResolvedCallValue = { agent: agent.value, resolved: 'skipped' };
    return fromResult('skip', api.runs.skip(agent.value), () => value);
  },
});
