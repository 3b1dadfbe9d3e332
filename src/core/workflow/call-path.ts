// Where a call sits in the script (DESIGN.md §9 call keys): the enclosing `parallel` index,
// `pipeline` item and stage, and `workflow()` call, outermost first.
import * as z from 'zod';

export const CallPathStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('parallel'), index: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('pipeline'), item: z.number().int().nonnegative(), stage: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('workflow'), ref: z.string() }),
]);

export type CallPathStep = z.infer<typeof CallPathStepSchema>;
export type CallPath = readonly CallPathStep[];

/** Whether a call sits inside a `workflow()` call (which may not nest). */
export function insideWorkflow(path: CallPath): boolean {
  return path.some((step) => step.kind === 'workflow');
}
