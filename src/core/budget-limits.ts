// Budget limits (DESIGN.md §4): reaching one pauses the agent with state `over-budget`.
import * as z from 'zod';

export const BudgetLimits = z.object({
  tokens: z.number().int().positive().optional(),
  usd: z.number().positive().optional(),
  turns: z.number().int().positive().optional(),
});
export type BudgetLimits = z.infer<typeof BudgetLimits>;
