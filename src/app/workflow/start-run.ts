// startRun: the one way a run begins, headless or in the cockpit (DESIGN.md §9). Loads and
// checks the script (before any model call), takes a run id and writes the record's script.js,
// starts the script's worker and the runtime that hands its agent() calls to the host.
import os from 'node:os';
import path from 'node:path';
import { createRunRecord, type RunRecordWriter } from '../../adapters/workflow/run-record-file.js';
import { startScriptWorker } from '../../adapters/workflow/script-worker-client.js';
import { fileWorkflowLoader } from '../../adapters/workflow/workflow-loader.js';
import type { Disposable } from '../../core/events.js';
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';
import type { WorkflowAgentHost } from '../../core/workflow/agent-host.js';
import type { BudgetCaps } from '../../core/workflow/run-budget.js';
import type { RunEnd, RunEvent } from '../../core/workflow/run-events.js';
import { MAX_ITEMS, WorkflowRun, type WorkflowRunOptions } from '../../core/workflow/workflow-run.js';
import type { LoadedWorkflow, WorkflowLoader } from '../../core/workflow/loaded-workflow.js';
import { RunRecords } from './run-records.js';
import { packageRoot } from '../package-root.js';

/** Everything a run is started with. */
export type StartRunOptions = {
  /** ARG: a NAME or a FILE. */
  readonly ref: string;
  readonly args: JsonValue | undefined;
  /** The store (DIR): the record goes to DIR/runs/RUN. */
  readonly storeDir: string;
  /** Where names are looked up from and agents work. */
  readonly cwd: string;
  readonly home?: string;
  readonly headless: boolean;
  readonly approve: 'ask' | 'auto';
  readonly allow: readonly string[];
  readonly defaultModel: string | undefined;
  readonly concurrency: number;
  readonly caps: BudgetCaps;
  readonly host: WorkflowAgentHost;
  /** Hears every event from the first (the `meta` line) on, with the run's id. */
  readonly listener?: (event: RunEvent, runId: string) => void;
  /** How long without a yield before the script shows as busy (tests shorten it). */
  readonly busyAfterMs?: number;
  /** The open records of this agentmux (one writer per run); a run makes its own when absent. */
  readonly records?: RunRecords;
};

/** A run that started: its id and name, its events, `stop`, and `finished` once its record is closed. */
export type LiveRun = {
  readonly id: string;
  readonly name: string;
  /** The titles of the script's meta.phases. */
  readonly phases: readonly string[];
  readonly onEvent: (listener: (event: RunEvent) => void) => Disposable;
  readonly stop: (reason?: string) => Promise<RunEnd>;
  readonly finished: Promise<RunEnd>;
  readonly runtime: WorkflowRun;
};

/** The `workflows/` folder agentmux ships. */
export function shippedWorkflowsDir(): string {
  return path.join(packageRoot(), 'workflows');
}

/** A run whose script loaded and whose record exists (so its id is known), not yet running. */
export type PreparedRun = {
  readonly id: string;
  readonly name: string;
  /** The titles of the script's meta.phases (`--hold` checks its phases against them). */
  readonly phases: readonly string[];
  /** Starts the script's worker; an error means the run never ran (its record is closed). */
  readonly launch: () => Promise<Result<LiveRun>>;
};

/** Loads the script and creates the record, synchronously: what `:run` answers with. */
export function prepareRun(options: StartRunOptions): Result<PreparedRun> {
  const loader = fileWorkflowLoader({ cwd: options.cwd, home: options.home ?? os.homedir(), shipped: shippedWorkflowsDir() });
  const loaded = loader(options.ref);
  if (!loaded.ok) return loaded;
  const workflow = loaded.value;
  const created = createRunRecord(options.storeDir, workflow.text);
  if (!created.ok) return created;
  return ok(preparedRun(options, workflow, created.value, loader, undefined));
}

/** The runtime over an open record, and how to launch its worker (a fresh run or a continue). */
export function preparedRun(
  options: Omit<StartRunOptions, 'ref'>,
  workflow: LoadedWorkflow,
  record: RunRecordWriter,
  loader: WorkflowLoader,
  continued: WorkflowRunOptions['continued'],
): PreparedRun {
  const records = options.records ?? new RunRecords(options.storeDir);
  records.register(record);
  const runtime = new WorkflowRun({
    context: {
      id: record.runId,
      name: workflow.meta.name,
      cwd: options.cwd,
      headless: options.headless,
      approve: options.approve,
      allow: options.allow,
      defaultModel: options.defaultModel,
    },
    workflow,
    args: options.args,
    concurrency: options.concurrency,
    caps: options.caps,
    host: options.host,
    loader,
    record: (line) => {
      const written = records.append(record.runId, line);
      return written.ok ? { ok: true } : { ok: false, error: written.error };
    },
    clock: () => new Date().toISOString(),
    ...(continued === undefined ? {} : { continued }),
  });
  const phases = (workflow.meta.phases ?? []).map((phase) => phase.title);
  const launch = async (): Promise<Result<LiveRun>> => {
    const worker = await startScriptWorker(
      {
        body: workflow.body,
        filename: workflow.path,
        ...(options.args === undefined ? {} : { args: JSON.stringify(options.args) }),
        budgetTotal: options.caps.tokens,
        maxItems: MAX_ITEMS,
      },
      { message: (message) => runtime.receive(message), gone: (message) => runtime.scriptGone(message), busy: (seconds) => runtime.busy(seconds) },
      options.busyAfterMs,
    );
    if (!worker.ok) {
      records.release(record);
      return err(`${workflow.path}: ${worker.error}`);
    }
    const listener = options.listener;
    if (listener !== undefined) runtime.onEvent((event) => listener(event, record.runId));
    runtime.start(worker.value);
    const finished = runtime.finished.then(async (end) => {
      await record.synced();
      records.release(record);
      return end;
    });
    return ok({
      id: record.runId,
      name: workflow.meta.name,
      phases,
      onEvent: (listener) => runtime.onEvent(listener),
      stop: async (reason?: string) => {
        await runtime.stop(reason);
        return finished;
      },
      finished,
      runtime,
    });
  };
  return { id: record.runId, name: workflow.meta.name, phases, launch };
}

/** Starts a run; an error (the script does not load, the record cannot be created) means nothing ran. */
export async function startRun(options: StartRunOptions): Promise<Result<LiveRun>> {
  const prepared = prepareRun(options);
  return prepared.ok ? prepared.value.launch() : prepared;
}
