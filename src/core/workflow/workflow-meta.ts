// The `meta` a workflow script exports (DESIGN.md §9): parsed from the script's literal by the
// loader, validated here, shown by the run view. `phases[].model` is shown, never applied.
import * as z from 'zod';

export const WorkflowPhaseSchema = z.strictObject({
  title: z.string().min(1),
  detail: z.string().optional(),
  model: z.string().optional(),
});

export const WorkflowMetaSchema = z.strictObject({
  // Shown in run views, records, stderr and questions: its controls are made visible once, here (issue 9).
  name: z.string().min(1),
  description: z.string(),
  whenToUse: z.string().optional(),
  phases: z.array(WorkflowPhaseSchema).optional(),
});

export type WorkflowPhase = z.infer<typeof WorkflowPhaseSchema>;
export type WorkflowMeta = z.infer<typeof WorkflowMetaSchema>;
