// The catalog file DIR/catalog.json: a small index of sessions and settings, rebuilt from journals.
import { z } from 'zod';
import { BudgetLimits } from '../../core/budget-limits.js';
import { err, ok, type Result } from '../../core/result.js';
import type { SessionSummary } from '../../core/store.js';
import { describeIssue } from './journal-line.js';

const SummaryRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  model: z.string().optional(), // JSON drops an undefined model
  created: z.number(),
  updated: z.number(),
  turns: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: z.number().nullable(),
  budget: BudgetLimits,
});

/** The parsed catalog file, version 1. */
export const CatalogFile = z.object({
  version: z.literal(1),
  sessions: z.array(SummaryRow),
  settings: z.object({ overallBudget: BudgetLimits }),
});

/** The catalog as held in memory and written by lowdb. */
export type CatalogData = {
  version: 1;
  sessions: SessionSummary[];
  settings: { overallBudget: BudgetLimits };
};

/** Parses catalog JSON into CatalogData, or says what is wrong with it (`field.path: problem`). */
export function parseCatalog(json: unknown): Result<CatalogData> {
  const parsed = CatalogFile.safeParse(json);
  if (!parsed.success) return err(describeIssue(parsed.error));
  const sessions = parsed.data.sessions.map((row): SessionSummary => ({ ...row, model: row.model }));
  return ok({ version: 1, sessions, settings: parsed.data.settings });
}

/** An empty catalog. */
export function emptyCatalog(): CatalogData {
  return { version: 1, sessions: [], settings: { overallBudget: {} } };
}
