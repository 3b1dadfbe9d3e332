// `agentmux run --dry-run` (issue 16): the script runs in its own worker as a real run would, but
// every agent() is answered at once by the DryRunHost and nothing is written to the store; the
// projection (agents and cost per phase) is what it gives back. Used by --dry-run and by
// --confirm-over-usd, which asks before a run projected above its threshold.
import os from 'node:os';
import { startScriptWorker } from '../../adapters/workflow/script-worker-client.js';
import { fileWorkflowLoader } from '../../adapters/workflow/workflow-loader.js';
import type { Providers } from '../../adapters/workflow/providers-file.js';
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import { projectDryRun, type DryRunAssumptions, type DryRunLimit, type DryRunProjection } from '../../core/workflow/dry-run-projection.js';
import type { RunEnd } from '../../core/workflow/run-events.js';
import type { BudgetCaps } from '../../core/workflow/run-budget.js';
import { MAX_AGENTS_PER_RUN, MAX_ITEMS, WorkflowRun } from '../../core/workflow/workflow-run.js';
import { DryRunHost } from './dry-run-host.js';
import { gitRootOf } from './git-root.js';
import { shippedWorkflowsDir } from './start-run.js';

export type DryRunOptions = {
  readonly ref: string;
  readonly args: JsonValue | undefined;
  readonly cwd: string;
  readonly home?: string;
  readonly providers: Providers;
  /** `--model`, when given. */
  readonly model: string | undefined;
  /** The model of calls that name none and no `--model` (ANTHROPIC_MODEL or agentmux's default). */
  readonly defaultModel: string;
  readonly caps: BudgetCaps;
  readonly assumptions: DryRunAssumptions;
};

/** What a dry run found. */
export type DryRunOutcome = {
  /** `meta.name` of the script. */
  readonly name: string;
  readonly projection: DryRunProjection;
  readonly limit: DryRunLimit;
  readonly end: RunEnd;
};

/** Runs the script on stand-ins; an error means it did not load or its worker did not start. */
export async function dryRun(options: DryRunOptions): Promise<Result<DryRunOutcome>> {
  const loader = fileWorkflowLoader({ cwd: options.cwd, home: options.home ?? os.homedir(), shipped: shippedWorkflowsDir() });
  const loaded = loader(options.ref);
  if (!loaded.ok) return loaded;
  const workflow = loaded.value;
  const host = new DryRunHost({ providers: options.providers, defaultModel: options.defaultModel, agentRoot: gitRootOf, assumptions: options.assumptions });
  const runtime = new WorkflowRun({
    context: { id: 'dry-run', name: workflow.meta.name, cwd: options.cwd, headless: true, approve: 'auto', allow: [], defaultModel: options.model },
    workflow,
    args: options.args,
    // Every stand-in answers at once: no slot is ever held for long.
    concurrency: MAX_AGENTS_PER_RUN,
    caps: options.caps,
    host,
    loader,
    record: () => ({ ok: true }),
    clock: () => new Date().toISOString(),
  });
  let requested = 0;
  const worker = await startScriptWorker(
    {
      body: workflow.body,
      filename: workflow.path,
      ...(options.args === undefined ? {} : { args: JSON.stringify(options.args) }),
      budgetTotal: options.caps.tokens,
      maxItems: MAX_ITEMS,
    },
    {
      message: (message) => {
        if (message.t === 'agent') requested += 1;
        runtime.receive(message);
      },
      gone: (message) => runtime.scriptGone(message),
      // A script stuck without yielding would never end a dry run: it is stopped and says so.
      busy: (seconds) => {
        if (seconds !== undefined) void runtime.stop(`the script did not yield for ${seconds} s`);
      },
    },
  );
  if (!worker.ok) return err(`${workflow.path}: ${worker.error}`);
  runtime.start(worker.value);
  const end = await runtime.finished;
  const limit: DryRunLimit =
    requested > MAX_AGENTS_PER_RUN ? { kind: 'agent-cap', requested } : host.budgetReason === undefined ? { kind: 'none' } : { kind: 'budget', reason: host.budgetReason };
  const metaPhases = (workflow.meta.phases ?? []).map((phase) => phase.title);
  return ok({ name: workflow.meta.name, projection: projectDryRun(host.calls, metaPhases, options.assumptions), limit, end });
}
