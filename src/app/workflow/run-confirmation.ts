// Confirm before spending (issue 16): with a threshold (`--confirm-over-usd X` or the providers
// file's `confirmOverUsd`), a run is dry-run first; projected above X it asks in the cockpit, and
// headless or through `:run`/ctl it is refused unless `--yes`.
import type { JsonValue } from '../../core/json-value.js';
import { ok, type Result } from '../../core/result.js';
import type { RunWorkflowOptions } from '../../run-options.js';
import { confirmThreshold, overThreshold, projectRun, type ProjectionFlags } from './run-projection.js';

/** The flags a confirmation reads. */
export type ConfirmFlags = ProjectionFlags & Pick<RunWorkflowOptions, 'confirmOverUsd' | 'yes'>;

/** Whether the run needs a person's yes first: the question to ask, or undefined to start at once. */
export async function confirmationNeeded(
  ref: string,
  args: JsonValue | undefined,
  flags: ConfirmFlags,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Result<string | undefined>> {
  if (flags.yes) return ok(undefined);
  const threshold = confirmThreshold(flags, cwd);
  if (!threshold.ok) return threshold;
  if (threshold.value === null) return ok(undefined);
  const projected = await projectRun(ref, args, flags, cwd, env);
  // A script that does not load is refused by the run itself, with its own message.
  if (!projected.ok) return ok(undefined);
  return ok(overThreshold(projected.value, threshold.value));
}

/** A headless run's refusal (stderr, exit 2), or undefined when it may start. */
export async function refusedOverThreshold(flags: RunWorkflowOptions, cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const needed = await confirmationNeeded(flags.ref, flags.args, flags, cwd, env);
  if (!needed.ok) return needed.error;
  if (needed.value === undefined) return undefined;
  return `agentmux run: refused: ${needed.value}. Nobody can confirm a headless run: add --yes to start it anyway (agentmux run ${flags.ref} --dry-run shows the projection).`;
}
