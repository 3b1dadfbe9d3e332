// The catalog file DIR/catalog.json: a small index of sessions and settings, rebuilt from journals.
import { z } from 'zod';
import { BudgetLimits } from '../../core/budget-limits.js';
import { err, ok, type Result } from '../../core/result.js';
import type { SessionSummary } from '../../core/store.js';
import { describeIssue } from './journal-line.js';

/** One catalog row (also kept beside a trashed journal, so the trash shows its totals). */
export const SummaryRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  model: z.string().optional(), // JSON drops an undefined model
  created: z.number(),
  updated: z.number(),
  turns: z.number().int().nonnegative(),
  branchTurns: z.number().int().nonnegative().optional(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  costUsd: z.number().nullable(),
  // Older catalogs held null for any unknown cost and no count: they read as 0 here.
  unknownCosts: z.number().int().nonnegative().default(0),
  budget: BudgetLimits,
  run: z.string().optional(),
});

/** An SDK agent a person opened while the cockpit ran (`new`, `fork`), reopened at the next start. */
export const SavedSdkAgent = z.object({
  name: z.string().min(1),
  model: z.string().min(1),
  cwd: z.string().min(1),
  system: z.string().optional(),
  baseURL: z.string().optional(),
});
export type SavedSdkAgent = z.infer<typeof SavedSdkAgent>;

/** A PTY agent opened with `new NAME -- COMMAND`: its command runs again at the next start, like a layout's. */
export const SavedPtyAgent = z.object({
  name: z.string().min(1),
  cwd: z.string().min(1),
  command: z.array(z.string()).min(1),
  env: z.record(z.string(), z.string()).optional(),
  ready: z.string().optional(),
});
export type SavedPtyAgent = z.infer<typeof SavedPtyAgent>;

/** A pane to reopen: a PTY agent (it has a `command`) or an SDK agent. */
export const SavedAgent = z.union([SavedPtyAgent.strict(), SavedSdkAgent]);
export type SavedAgent = z.infer<typeof SavedAgent>;

/** What the cockpit looked like at quit, per layout name: extra panes and the tiling. */
export const CockpitSetting = z.object({
  agents: z.array(SavedAgent),
  tiling: z.enum(['tiled', 'columns', 'rows', 'main-left', 'main-top']).optional(),
});
export type CockpitSetting = z.infer<typeof CockpitSetting>;

/** The parsed catalog file, version 1. */
export const CatalogFile = z.object({
  version: z.literal(1),
  sessions: z.array(SummaryRow),
  settings: z.object({ overallBudget: BudgetLimits, cockpits: z.record(z.string(), CockpitSetting).optional() }),
});

/** The catalog as held in memory and written by lowdb. */
export type CatalogData = {
  version: 1;
  sessions: SessionSummary[];
  settings: { overallBudget: BudgetLimits; cockpits?: Record<string, CockpitSetting> };
};

/** Parses catalog JSON into CatalogData, or says what is wrong with it (`field.path: problem`). */
export function parseCatalog(json: unknown): Result<CatalogData> {
  const parsed = CatalogFile.safeParse(json);
  if (!parsed.success) return err(describeIssue(parsed.error));
  const sessions = parsed.data.sessions.map((row): SessionSummary => ({ ...row, model: row.model }));
  const { overallBudget, cockpits } = parsed.data.settings;
  return ok({ version: 1, sessions, settings: cockpits === undefined ? { overallBudget } : { overallBudget, cockpits } });
}

/** An empty catalog. */
export function emptyCatalog(): CatalogData {
  return { version: 1, sessions: [], settings: { overallBudget: {} } };
}
