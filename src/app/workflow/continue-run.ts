// `run-continue RUN` / `agentmux run --continue RUN [--recorded]` (issue 15): the run's script
// runs again in the same run id — its file's current text, or with `recorded` the text it last
// ran — in the run's own directory (its meta line's `cwd`, wherever the continue was typed) —
// and every call whose key has a value in the record is served from it (workflow-run.ts);
// a call whose agent was mid-turn continues that agent's own session. Each script version run
// is kept as DIR/runs/RUN/script.N.js and named by the record's `continued` line.
import os from 'node:os';
import { readRunRecord } from '../../adapters/workflow/run-record-reader.js';
import { readScriptVersion, reopenRunRecord, writeScriptVersion } from '../../adapters/workflow/run-record-append.js';
import { checkScript } from '../../adapters/workflow/script-check.js';
import { fileWorkflowLoader, loadWorkflowFile } from '../../adapters/workflow/workflow-loader.js';
import { err, ok, type Result } from '../../core/result.js';
import type { LoadedWorkflow } from '../../core/workflow/loaded-workflow.js';
import { RunMemory } from '../../core/workflow/run-memory.js';
import { continueCwd } from './run-cwd.js';
import { preparedRun, shippedWorkflowsDir, type PreparedRun, type StartRunOptions } from './start-run.js';

/** What a continue needs: the run, which text to run, and what every run is started with. */
export type ContinueRunOptions = Omit<StartRunOptions, 'ref' | 'args'> & { readonly runId: string; readonly recorded: boolean };

/** The script to run: the recorded text of the latest version, or the file's current text. */
function scriptToRun(options: ContinueRunOptions, file: string, latest: number): Result<LoadedWorkflow> {
  if (!options.recorded) return loadWorkflowFile(file);
  const text = readScriptVersion(options.storeDir, options.runId, latest);
  if (!text.ok) return text;
  const checked = checkScript(file, text.value);
  return checked.ok ? ok({ path: file, text: text.value, meta: checked.value.meta, body: checked.value.body }) : checked;
}

/** Reads the record, picks the script, keeps its version and reopens the record; the run is not yet running. */
export function prepareContinue(options: ContinueRunOptions): Result<PreparedRun> {
  const record = readRunRecord(options.storeDir, options.runId);
  if (!record.ok) return err(`run-continue ${options.runId}: ${record.error}`);
  const [first] = record.value.lines;
  if (first?.type !== 'meta') return err(`run-continue ${options.runId}: the record has no meta line`);
  const cwd = continueCwd(options.runId, first.cwd, options.cwd);
  if (!cwd.ok) return cwd;
  const memory = RunMemory.of(record.value.lines);
  const latest = memory.scriptVersions;
  const workflow = scriptToRun(options, first.script, latest);
  if (!workflow.ok) return workflow;
  const previous = readScriptVersion(options.storeDir, options.runId, latest);
  let version = latest;
  if (!previous.ok || previous.value !== workflow.value.text) {
    version = latest + 1;
    const kept = writeScriptVersion(options.storeDir, options.runId, version, workflow.value.text);
    if (!kept.ok) return kept;
  }
  const writer = reopenRunRecord(options.storeDir, options.runId);
  if (!writer.ok) return writer;
  const loader = fileWorkflowLoader({ cwd: cwd.value, home: options.home ?? os.homedir(), shipped: shippedWorkflowsDir() });
  return ok(preparedRun({ ...options, cwd: cwd.value, args: first.args }, workflow.value, writer.value, loader, { memory, version, recorded: options.recorded }));
}
