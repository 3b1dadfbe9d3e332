// Validates the `opts` of `agent(prompt, opts)` as the script gave them (JSON text from the
// worker), so the host only ever sees well-formed options; a bad field is a throw in the script.
import * as z from 'zod';
import { JsonValueSchema } from '../json-value.js';
import { err, ok, type Result } from '../result.js';
import type { AgentCallOptions } from './agent-host.js';

const AgentCallOptionsSchema = z.strictObject({
  label: z.string().optional(),
  phase: z.string().optional(),
  schema: z.record(z.string(), JsonValueSchema).optional(),
  model: z.string().optional(),
  effort: z.string().optional(),
  isolation: z.literal('worktree').optional(),
  agentType: z.string().optional(),
});

/** Parses `opts` (JSON text; `{}` when the script gave none) or says which field is wrong. */
export function parseAgentOptions(json: string): Result<AgentCallOptions> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return err('agent(prompt, opts): opts is not JSON');
  }
  const parsed = AgentCallOptionsSchema.safeParse(raw ?? {});
  if (parsed.success) {
    const { label, phase, schema, model, effort, isolation, agentType } = parsed.data;
    return ok({
      ...(label === undefined ? {} : { label }),
      ...(phase === undefined ? {} : { phase }),
      ...(schema === undefined ? {} : { schema }),
      ...(model === undefined ? {} : { model }),
      ...(effort === undefined ? {} : { effort }),
      ...(isolation === undefined ? {} : { isolation }),
      ...(agentType === undefined ? {} : { agentType }),
    });
  }
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'opts' : `opts.${issue.path.map(String).join('.')}`;
  return err(`agent(prompt, opts): ${where}: ${issue?.message ?? 'invalid'}`);
}
