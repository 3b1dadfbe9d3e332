// `hold-value [-t AGENT] VALUE`: the script gets VALUE instead of the agent's held answer
// (issue 16). With a schema VALUE is JSON the schema must accept (else the call stays held and
// the problems are the error); without one it is the text as given. `hold-edit` (the `e` key)
// opens the answer in $EDITOR and ends here.
import * as z from 'zod';
import { targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';
import { JsonValueSchema, type JsonValue } from '../json-value.js';

const HoldValueArgs = z.object({ options: z.object({ target: z.string().optional() }), text: z.string({ message: 'give the value: hold-value [-t AGENT] VALUE' }) });

/** VALUE as JSON when it parses as JSON, else the text itself (the hold checks it against the schema). */
function valueOf(text: string): JsonValue {
  try {
    const parsed = JsonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}

/** Replaces a held answer with an edited one. */
export const holdValue = defineCommand({
  name: 'hold-value',
  usage: 'hold-value [-t AGENT] VALUE',
  summary: "give the script VALUE instead of a held answer (JSON its schema must accept)",
  spec: { options: [targetOption], positionals: [], text: 'required' },
  schema: HoldValueArgs,
  run(api, { options, text }) {
    const agent = resolveTarget(api, 'hold-value', options.target);
    if (!agent.ok) return targetError(agent.error);
    return fromResult('hold-value', api.runs.replaceHeld(agent.value, valueOf(text.trim())), () => ({ agent: agent.value, held: 'replaced' }));
  },
});
