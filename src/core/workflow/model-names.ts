// Model names a workflow call (or a layout) may give (DESIGN.md §9): an id, an alias, or
// `ENDPOINT/MODEL` for a named endpoint of the providers file; and `effort` as a thinking budget.
import { err, ok, type Result } from '../result.js';

/** The one alias table (the README shows it). */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  opus: 'claude-opus-4-5',
  sonnet: 'claude-sonnet-4-6',
  haiku: 'claude-haiku-4-5',
};

/** The one effort table: `effort` → extended thinking's token budget (the README shows it). */
export const EFFORT_BUDGETS: Readonly<Record<string, number>> = {
  low: 2048,
  medium: 8000,
  high: 16000,
  xhigh: 32000,
  max: 48000,
};

/** Room left for the answer itself above the thinking budget (max_tokens must exceed the budget). */
export const ANSWER_TOKENS_OVER_THINKING = 8192;

/** A model name, resolved: the default endpoint's model id, or a model on a named endpoint. */
export type ModelChoice =
  | { readonly kind: 'default'; readonly model: string }
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly model: string };

/** Resolves `opus`/`sonnet`/`haiku`, `ENDPOINT/MODEL` (split at the first `/`) or an id; an empty name is refused. */
export function resolveModelName(name: string): Result<ModelChoice> {
  const trimmed = name.trim();
  if (trimmed === '') return err('model: an empty name');
  const slash = trimmed.indexOf('/');
  if (slash >= 0) {
    const endpoint = trimmed.slice(0, slash);
    const model = trimmed.slice(slash + 1);
    if (endpoint === '' || model === '') return err(`model "${trimmed}": ENDPOINT/MODEL needs both parts`);
    return ok({ kind: 'endpoint', endpoint, model: MODEL_ALIASES[model] ?? model });
  }
  return ok({ kind: 'default', model: MODEL_ALIASES[trimmed] ?? trimmed });
}

/** The thinking budget of an `effort`, or an error naming the levels. */
export function thinkingBudgetOf(effort: string): Result<number> {
  const budget = EFFORT_BUDGETS[effort];
  if (budget === undefined) return err(`effort "${effort}": use one of ${Object.keys(EFFORT_BUDGETS).join(', ')}`);
  return ok(budget);
}
