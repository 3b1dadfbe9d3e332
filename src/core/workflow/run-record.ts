// The lines of a run's record, DIR/runs/RUN/run.jsonl (DESIGN.md §9): one compact JSON object
// per line, each with a `type`; `done` is last. Parsed with zod when read back.
import * as z from 'zod';
import { JsonValueSchema } from '../json-value.js';
import { WorkflowPhaseSchema } from './workflow-meta.js';

export const RunStatusSchema = z.enum(['completed', 'failed', 'stopped', 'over-budget']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

const at = z.string();

/**
 * One value a call's prompt was built from: the call key that produced it, which of its versions
 * (1 = its first result), and `via`: the marks of the texts of it the prompt holds (value-sight.ts;
 * absent before session 7: any later version then makes the call stale).
 */
export const ValueRefSchema = z.strictObject({ key: z.string(), version: z.number().int().positive(), via: z.array(z.string()).optional() });
export type ValueRef = z.infer<typeof ValueRefSchema>;
/** The values a call saw (see value-sight.ts); absent on records written before issue 15. */
const saw = z.array(ValueRefSchema).optional();

export const RunRecordLineSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('meta'),
    at,
    run: z.string(),
    name: z.string(),
    description: z.string(),
    whenToUse: z.string().optional(),
    phases: z.array(WorkflowPhaseSchema),
    script: z.string(),
    args: JsonValueSchema.optional(),
    /** Where the run's agents work (issue 15): a continue from another directory works here too. Absent before session 5. */
    cwd: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('phase'), at, title: z.string() }),
  z.strictObject({ type: z.literal('log'), at, text: z.string() }),
  z.strictObject({
    type: z.literal('started'),
    at,
    agent: z.string(),
    session: z.string(),
    label: z.string().optional(),
    phase: z.string().optional(),
    key: z.string(),
    saw,
    /** The agent continues its own session from an earlier start (run-continue after a crash or quit). */
    resumed: z.literal(true).optional(),
    /** The call's JSON Schema as the script gave it (session 7): a session of the call opened in a later agentmux gets its StructuredOutput tool back. */
    schema: z.record(z.string(), JsonValueSchema).optional(),
  }),
  /** A continue (run-continue): the run's script runs again in the same run; `version` names DIR/runs/RUN/script.N.js (1 is script.js). */
  z.strictObject({ type: z.literal('continued'), at, script: z.string(), version: z.number().int().positive(), recorded: z.boolean() }),
  /** A call served from the record: its key had a value, no agent ran. */
  z.strictObject({ type: z.literal('reused'), at, agent: z.string().nullable(), key: z.string(), version: z.number().int().positive(), saw }),
  /** A finished agent's answer changed after the script took it (steered, rewound, edited): the key's next version. */
  z.strictObject({ type: z.literal('revised'), at, agent: z.string(), key: z.string(), version: z.number().int().positive(), value: JsonValueSchema }),
  /** `edited`: the person replaced the agent's held answer with this value (issue 16); absent otherwise. */
  z.strictObject({ type: z.literal('result'), at, agent: z.string().nullable(), key: z.string(), value: JsonValueSchema, edited: z.literal(true).optional() }),
  /** A held phase's answer waits for the person (issue 16): kept so a continue holds it again without asking the model. */
  z.strictObject({ type: z.literal('held'), at, agent: z.string(), key: z.string(), value: JsonValueSchema }),
  /** The person sent a held answer back with a note: it no longer stands, the agent works on. */
  z.strictObject({ type: z.literal('sent-back'), at, agent: z.string(), key: z.string() }),
  /** `phase`: the call's phase title, written when no agent started (a queued call skipped or stopped), so the run view counts it in its phase. */
  z.strictObject({ type: z.literal('failed'), at, agent: z.string().nullable(), key: z.string(), reason: z.string(), phase: z.string().optional() }),
  z.strictObject({
    type: z.literal('done'),
    at,
    status: RunStatusSchema,
    result: JsonValueSchema.optional(),
    error: z.string().optional(),
  }),
]);

export type RunRecordLine = z.infer<typeof RunRecordLineSchema>;
