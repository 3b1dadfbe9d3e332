// `run [--yes] ARG [ARGS-JSON]`: start a workflow run (DESIGN.md §9); ARGS-JSON that is not JSON is passed as
// a string; `--yes` starts it even when projected above the cockpit's --confirm-over-usd (issue 16).
import * as z from 'zod';
import { defineCommand, fromResult } from '../command.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';

const RunArgs = z.object({ options: z.object({ yes: z.literal(true).optional() }), positionals: z.object({ ref: z.string() }), text: z.string().optional() });

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
  usage: 'run [--yes] ARG [ARGS-JSON]',
  summary: 'start a workflow run (ARG: a workflow NAME or a script FILE)',
  spec: { options: [{ kind: 'flag', flag: '--yes', key: 'yes' }], positionals: [{ key: 'ref', name: 'ARG', required: true }], text: 'optional' },
  schema: RunArgs,
  run(api, { options, positionals, text }) {
    return fromResult('run', api.runs.start(positionals.ref, argsOf(text?.trim()), options.yes === true), () => ({ ref: positionals.ref }));
  },
});
