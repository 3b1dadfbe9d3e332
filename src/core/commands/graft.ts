// `graft [-t AGENT] SOURCE [FROM..TO]`: copy turns of another session onto this branch (DESIGN.md §3).
import * as z from 'zod';
import { looksLikeTurnRange, targetOption, turnRange } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand } from '../command.js';
import { moveOf } from '../command-values.js';

const GraftArgs = z.object({
  options: z.object({ target: z.string().optional() }),
  positionals: z.object({ source: z.string(), range: turnRange.optional() }),
});

/** Appends copies of SOURCE's turns FROM…TO (all by default) without calling the model. */
export const graft = defineCommand({
  name: 'graft',
  usage: 'graft [-t AGENT] SOURCE [FROM..TO]',
  summary: "copy turns FROM..TO (default: all) of SOURCE's active branch onto an agent's branch",
  spec: {
    options: [targetOption],
    positionals: [
      { key: 'source', name: 'SOURCE', required: true },
      { key: 'range', name: 'FROM..TO', required: false, matches: looksLikeTurnRange },
    ],
    text: 'none',
  },
  schema: GraftArgs,
  run(api, { options, positionals }) {
    const agent = resolveTarget(api, 'graft', options.target);
    if (!agent.ok) return targetError(agent.error);
    return moveOf(api, 'graft', agent.value, () => api.history.graft(agent.value, positionals.source, positionals.range ?? {}));
  },
});
