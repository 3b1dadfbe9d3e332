// The lines of a run's record, DIR/runs/RUN/run.jsonl (DESIGN.md §9): one compact JSON object
// per line, each with a `type`; `done` is last. Parsed with zod when read back.
import { z } from 'zod';
import { JsonValueSchema } from '../json-value.js';
import { WorkflowPhaseSchema } from './workflow-meta.js';

export const RunStatusSchema = z.enum(['completed', 'failed', 'stopped', 'over-budget']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

const at = z.string();

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
  }),
  z.strictObject({ type: z.literal('result'), at, agent: z.string().nullable(), key: z.string(), value: JsonValueSchema }),
  z.strictObject({ type: z.literal('failed'), at, agent: z.string().nullable(), key: z.string(), reason: z.string() }),
  z.strictObject({
    type: z.literal('done'),
    at,
    status: RunStatusSchema,
    result: JsonValueSchema.optional(),
    error: z.string().optional(),
  }),
]);

export type RunRecordLine = z.infer<typeof RunRecordLineSchema>;
