// `run ARG [ARGS-JSON]`: start a workflow run (DESIGN.md §9); ARGS-JSON that is not JSON is passed as a string.
import { z } from 'zod';
import { defineCommand, fromResult } from '../command.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';

const RunArgs = z.object({ positionals: z.object({ ref: z.string() }), text: z.string().optional() });

function argsOf(text: string | undefined): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JsonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}

/** Starts a run; its agents join the cockpit as they start. */
export const run = defineCommand({
  name: 'run',
  usage: 'run ARG [ARGS-JSON]',
  summary: 'start a workflow run (ARG: a workflow NAME or a script FILE)',
  spec: { options: [], positionals: [{ key: 'ref', name: 'ARG', required: true }], text: 'optional' },
  schema: RunArgs,
  run(api, { positionals, text }) {
    return fromResult('run', api.startRun(positionals.ref, argsOf(text?.trim())), () => ({ ref: positionals.ref }));
  },
});
