// The cost projection of a run before it starts (issue 16): a dry run with the run's flags, the
// providers file they name, and the model agents would default to. `agentmux run --dry-run`
// prints it; `--confirm-over-usd` (or the providers file's `confirmOverUsd`) compares it.
import { resolve } from 'node:path';
import { providerConfigFromEnv } from '../../adapters/provider-config.js';
import { loadProvidersFile, storeProvidersPath } from '../../adapters/workflow/providers-file.js';
import type { JsonValue } from '../../core/json-value.js';
import { ok, type Result } from '../../core/result.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { dryRun, type DryRunOutcome } from './dry-run.js';

/** What a projection needs from the run's flags (the cockpit's `:run` gives its defaults). */
export type ProjectionFlags = Pick<RunWorkflowOptions, 'sessions' | 'providers' | 'model' | 'budgetTokens' | 'budgetUsd' | 'assumeItems' | 'assumeTokens'>;

/** The threshold in force: `--confirm-over-usd`, else the providers file's `confirmOverUsd`, else none. */
export function confirmThreshold(flags: Pick<RunWorkflowOptions, 'confirmOverUsd' | 'providers' | 'sessions'>, cwd: string): Result<number | null> {
  if (flags.confirmOverUsd !== null) return ok(flags.confirmOverUsd);
  const file = loadProvidersFile(providersPathOf(flags, cwd), flags.providers === undefined);
  return file.ok ? ok(file.value.confirmOverUsd) : file;
}

function providersPathOf(flags: Pick<RunWorkflowOptions, 'providers' | 'sessions'>, cwd: string): string {
  return flags.providers === undefined ? storeProvidersPath(resolve(cwd, flags.sessions)) : resolve(cwd, flags.providers);
}

/** Dry-runs `ref` as the flags would run it. */
export async function projectRun(
  ref: string,
  args: JsonValue | undefined,
  flags: ProjectionFlags,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Result<DryRunOutcome>> {
  const file = loadProvidersFile(providersPathOf(flags, cwd), flags.providers === undefined);
  if (!file.ok) return file;
  return dryRun({
    ref,
    args,
    cwd,
    providers: file.value.providers,
    model: flags.model,
    defaultModel: providerConfigFromEnv(env).model,
    caps: { tokens: flags.budgetTokens, usd: flags.budgetUsd },
    assumptions: { items: flags.assumeItems, tokensPerAgent: flags.assumeTokens },
  });
}

/** Why a run projected above `threshold` must ask (or be refused), or undefined when it need not. */
export function overThreshold(outcome: DryRunOutcome, threshold: number | null): string | undefined {
  if (threshold === null) return undefined;
  const { projection } = outcome;
  // The high end decides: the confirmation is about what the run may cost, not what it should.
  if (projection.highUsd <= threshold && projection.unpriced === 0) return undefined;
  if (projection.highUsd <= threshold) {
    return `${outcome.name}: ${projection.unpriced} of ${projection.agents} agents run on unpriced models, so the cost cannot be shown to stay under $${threshold}`;
  }
  return `${outcome.name} is projected at up to $${projection.highUsd.toFixed(2)} (${projection.agents} agents; low $${projection.lowUsd.toFixed(2)}), above the $${threshold} of --confirm-over-usd`;
}
