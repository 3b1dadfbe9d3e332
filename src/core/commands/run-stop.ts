// `run-stop [RUN]`: stop a run at once (DESIGN.md §9): every pending and later call resolves to null.
import * as z from 'zod';
import { defineCommand, fromResult } from '../command.js';

const RunStopArgs = z.object({ positionals: z.object({ run: z.string().optional() }) });

/** Stops a run (an id, or a script name with one live run; the only live run without RUN). Never asks. */
export const runStop = defineCommand({
  name: 'run-stop',
  usage: 'run-stop [RUN]',
  summary: 'stop a workflow run: pending agent() calls resolve to null, nothing more starts',
  spec: { options: [], positionals: [{ key: 'run', name: 'RUN', required: false }], text: 'none' },
  schema: RunStopArgs,
  run(api, { positionals }) {
    return fromResult('run-stop', api.runs.stop(positionals.run), () => ({ run: positionals.run ?? null }));
  },
});
