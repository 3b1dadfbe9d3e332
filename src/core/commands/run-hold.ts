// `run-hold RUN PHASE`: from now on the answers of PHASE's agents in RUN (`all`: every phase)
// wait for the person before the script sees them (issue 16; `agentmux run --hold PHASE` does
// the same from the start). Refused headless: nobody would answer.
import * as z from 'zod';
import { defineCommand, fromResult } from '../command.js';

const RunHoldArgs = z.object({ positionals: z.object({ run: z.string() }), text: z.string({ message: 'name a phase (or all): run-hold RUN PHASE' }) });

/** Holds a phase's answers of a live run for review. */
export const runHold = defineCommand({
  name: 'run-hold',
  usage: 'run-hold RUN PHASE',
  summary: "hold the answers of RUN's agents in PHASE (all: every phase) until you accept, edit or send them back",
  spec: { options: [], positionals: [{ key: 'run', name: 'RUN', required: true }], text: 'required' },
  schema: RunHoldArgs,
  run(api, { positionals, text }) {
    const phase = text.trim();
    return fromResult('run-hold', api.runs.hold(positionals.run, phase), () => ({ run: positionals.run, phase }));
  },
});
