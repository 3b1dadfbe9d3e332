// File checkpoints around the writing tools (DESIGN.md §4): before write_file or edit_file
// changes a file its prior bytes (or absence) are kept as a blob, and after it the new ones;
// around bash, bounded baselines of the workspace are diffed. The outcome carries the changes
// as `files`, so the tool-result entry records them and a rewind can put them back. The
// before side is journaled as the call's intent before it runs (core/tool-intent.ts), so a call
// cut short by a crash still has its changes recorded when the session loads (`recover`).
import * as z from 'zod';
import type { FileChange } from '../../core/entry.js';
import { sameVersion } from '../../core/file-checkpoint.js';
import { CRASHED_CALL_TEXT, type ToolIntent } from '../../core/tool-intent.js';
import type { ToolCall, ToolContext, ToolHost, ToolOutcome } from '../../core/tools.js';
import { getBaseline, putBaseline } from './baseline-blob.js';
import { resolveWriteTarget } from '../tools/write-file.js';
import { DEFAULT_BASELINE_LIMITS, WorkspaceBaselines, type BaselineLimits } from './workspace-baseline.js';
import { readVersion, readVersionOrWhyNot, type FileBlobs } from './workspace-files.js';

const PathInput = z.object({ path: z.string().min(1) });

/** The tools whose single `path` input names the one file they may change. */
const FILE_TOOLS: ReadonlySet<string> = new Set(['write_file', 'edit_file']);

export type CheckpointOptions = { readonly blobs: FileBlobs; readonly limits?: BaselineLimits };

/** Wraps a tool host so writing calls report the files they changed. */
export function withFileCheckpoints(inner: ToolHost, options: CheckpointOptions): ToolHost {
  const baselines = new WorkspaceBaselines(options.blobs, options.limits ?? DEFAULT_BASELINE_LIMITS);
  const maxFileBytes = (options.limits ?? DEFAULT_BASELINE_LIMITS).maxFileBytes;
  return {
    specs: () => inner.specs(),
    async run(call: ToolCall, context: ToolContext): Promise<ToolOutcome> {
      if (FILE_TOOLS.has(call.name)) return runFileTool(inner, call, context, options.blobs, maxFileBytes);
      if (call.name === 'bash') return runBash(inner, call, context, baselines, options.blobs);
      return inner.run(call, context);
    },
    recover: (tool: string, intent: ToolIntent, cwd: string) => recoverCall(tool, intent, cwd, baselines, options.blobs),
    // A precheck changes nothing on disk: there is nothing to record around it.
    precheck: async (call: ToolCall, cwd: string) => inner.precheck?.(call, cwd),
  };
}

// write_file / edit_file: the one target's version before and after the call.
async function runFileTool(inner: ToolHost, call: ToolCall, context: ToolContext, blobs: FileBlobs, maxFileBytes: number): Promise<ToolOutcome> {
  const input = PathInput.safeParse(call.input);
  // A call the tool will refuse anyway (bad input, outside the workspace) changes nothing.
  const target = input.success ? await resolveWriteTarget(context.cwd, input.data.path) : undefined;
  if (target === undefined || !target.ok) return inner.run(call, context);
  const { real, display } = target.value;
  const before = readVersionOrWhyNot(blobs, real);
  // No checkpoint, no write: a change that rewind could not undo is refused before it happens.
  if (!before.ok && before.error.kind === 'not-stored') return checkpointRefusal(call.name, display, before.error.message);
  if (before.ok) {
    const noted = context.recordIntent?.({ kind: 'file', path: display, before: before.value });
    if (noted !== undefined && !noted.ok) return checkpointRefusal(call.name, display, noted.error);
  }
  const outcome = await inner.run(call, context);
  const after = readVersion(blobs, real);
  if (!before.ok || !after.ok) {
    // A folder or special file in the way: the tool refused it; anything else is worth saying.
    return before.ok && !after.ok && !outcome.isError ? withNotes(outcome, [], [`file checkpoint: ${after.error}`]) : outcome;
  }
  if (sameVersion(before.value, after.value)) return outcome;
  const change: FileChange = { path: display, before: before.value, after: after.value };
  const big = Math.max(before.value?.size ?? 0, after.value?.size ?? 0) > maxFileBytes;
  return withNotes(outcome, [change], big ? [`file checkpoint: ${display} is over the size limit but was recorded`] : []);
}

/** The refusal of a file tool whose before-version the store could not keep (disk full, …). */
export function checkpointRefusal(toolName: string, display: string, cause: string): ToolOutcome {
  const full = /ENOSPC|no space left/i.test(cause);
  const reason = full ? 'disk full' : cause;
  return {
    content: `cannot record a checkpoint: ${reason}; ${toolName} was not run and ${display} is unchanged (${cause})`,
    isError: true,
  };
}

// bash: a baseline before, one after, and their difference.
async function runBash(inner: ToolHost, call: ToolCall, context: ToolContext, baselines: WorkspaceBaselines, blobs: FileBlobs): Promise<ToolOutcome> {
  const before = await baselines.take(context.cwd);
  if (before.ok && context.recordIntent !== undefined) {
    const kept = putBaseline(blobs, before.value);
    const noted = kept.ok ? context.recordIntent({ kind: 'workspace', baseline: kept.value }) : kept;
    if (!noted.ok) return checkpointRefusal(call.name, 'the workspace', noted.error);
  }
  const outcome = await inner.run(call, context);
  if (!before.ok) return withNotes(outcome, [], [before.error]);
  const after = await baselines.take(context.cwd);
  if (!after.ok) return withNotes(outcome, [], [after.error]);
  const changes = await baselines.diff(before.value, after.value);
  const notes = [...new Set([...before.value.notes, ...after.value.notes])];
  return withNotes(outcome, changes, notes);
}

// A call that was running when agentmux stopped: its changes since the intent, under a result
// that says so. What cannot be worked out any more is said, never guessed.
async function recoverCall(tool: string, intent: ToolIntent, cwd: string, baselines: WorkspaceBaselines, blobs: FileBlobs): Promise<ToolOutcome> {
  const crashed: ToolOutcome = { content: CRASHED_CALL_TEXT, isError: true };
  if (intent.kind === 'file') {
    const target = await resolveWriteTarget(cwd, intent.path);
    if (!target.ok) return withNotes(crashed, [], [`file checkpoint: ${target.error}`]);
    const after = readVersion(blobs, target.value.real);
    if (!after.ok) return withNotes(crashed, [], [`file checkpoint: ${after.error}`]);
    if (sameVersion(intent.before, after.value)) return crashed;
    return withNotes(crashed, [{ path: intent.path, before: intent.before, after: after.value }], [`${tool} may have changed ${intent.path}: recorded`]);
  }
  const before = getBaseline(blobs, intent.baseline);
  if (!before.ok) return withNotes(crashed, [], [`file checkpoint: ${before.error}; its changes were not recorded`]);
  const after = await baselines.take(cwd);
  if (!after.ok) return withNotes(crashed, [], [after.error]);
  const changes = await baselines.diff(before.value, after.value);
  const count = changes.length === 1 ? '1 file' : `${changes.length} files`;
  const notes = changes.length === 0 ? [] : [`${count} changed since it started: recorded`];
  return withNotes(crashed, changes, notes);
}

/** Adds the changes and, for the model and the user, any limit notes at the end of the result text. */
function withNotes(outcome: ToolOutcome, changes: readonly FileChange[], notes: readonly string[]): ToolOutcome {
  const files = [...(outcome.files ?? []), ...changes];
  const content = notes.length === 0 ? outcome.content : `${outcome.content}\n${notes.join('\n')}`;
  return {
    ...outcome,
    content,
    ...(outcome.fullOutput === undefined || notes.length === 0 ? {} : { fullOutput: `${outcome.fullOutput}\n${notes.join('\n')}` }),
    ...(files.length === 0 ? {} : { files }),
  };
}
