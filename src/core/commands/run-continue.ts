// `run-continue [--recorded] [RUN]`: run RUN's script again in the same run (issue 15): calls
// whose key has a value in the record return it at once, every other call runs live.
import * as z from 'zod';
import { flag } from '../command-arguments.js';
import { defineCommand, fromResult } from '../command.js';

const RunContinueArgs = z.object({ options: z.object({ recorded: flag }), positionals: z.object({ run: z.string().optional() }) });

/** Continues a run (the newest unfinished one without RUN); refused while its agents work. Never asks. */
export const runContinue = defineCommand({
  name: 'run-continue',
  usage: 'run-continue [--recorded] [RUN]',
  summary: "continue a workflow run: finished calls are served from its record, the rest run (--recorded: the script text it last ran, not the file's)",
  spec: { options: [{ kind: 'flag', flag: '--recorded', key: 'recorded' }], positionals: [{ key: 'run', name: 'RUN', required: false }], text: 'none' },
  schema: RunContinueArgs,
  run(api, { options, positionals }) {
    return fromResult('run-continue', api.runs.continue(positionals.run, options.recorded === true), () => ({ run: positionals.run ?? null }));
  },
});
