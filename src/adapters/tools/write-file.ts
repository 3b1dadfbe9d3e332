// write_file: creates or replaces one text file in the workspace. The target may not exist
// yet, so it is judged here by its longest existing ancestor (symlinks followed); the bytes
// land through confined-write.ts, which cannot be carried outside by a symlink race.
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { writeConfined } from './confined-write.js';
import { displayPath, isInside, quotePath, resolveWorkspaceRoot } from './workspace-path.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';

const WriteFileInput = z.object({
  path: z.string().min(1),
  content: z.string(),
});

const spec = {
  name: 'write_file',
  description:
    'Create a text file in the workspace, or replace an existing file with new content. ' +
    '`path` is relative to the workspace root; missing parent folders are created. `content` ' +
    'is the complete new text of the file (not a diff); to change part of an existing file, ' +
    'prefer edit_file. The file is replaced in one step, so nothing ever sees it half written. ' +
    'Paths outside the workspace, and directories, are refused. Returns the bytes and lines written.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root.' },
      content: { type: 'string', description: 'The full text to write to the file.' },
    },
    required: ['path', 'content'],
  },
  effect: 'write',
} as const;

/** A write target confined to the workspace; `exists` is false when it is to be created. */
export type WriteTarget = {
  readonly root: string;
  /** Where the bytes go: the real path of an existing file, or the new file's path. */
  readonly real: string;
  readonly display: string;
  readonly exists: boolean;
};

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

async function entryExists(absolute: string): Promise<boolean> {
  try {
    await lstat(absolute);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a path a writing tool may create or replace. Like `resolveInWorkspace`, but a
 * missing target is allowed; a dangling symlink on the way is refused, because writing
 * through it would create its (unchecked) target.
 */
export async function resolveWriteTarget(
  cwd: string,
  requested: string,
): Promise<Result<WriteTarget>> {
  const root = await resolveWorkspaceRoot(cwd);
  if (!root.ok) return root;
  if (requested.includes('\0')) return err(`path ${quotePath(requested)} contains a NUL character`);
  const missing: string[] = [];
  let current = path.resolve(root.value, requested);
  let realAncestor: string;
  for (;;) {
    try {
      realAncestor = await realpath(current);
      break;
    } catch (thrown) {
      const code = errorCode(thrown);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        return err(`path ${quotePath(requested)} cannot be resolved: ${String(code ?? thrown)}`);
      }
      // The entry exists but cannot be resolved: a symlink to nowhere (or a loop).
      if (code === 'ENOENT' && (await entryExists(current))) {
        return err(
          `path ${quotePath(requested)} goes through a symlink whose target does not exist`,
        );
      }
      const parent = path.dirname(current);
      if (parent === current) return err(`path ${quotePath(requested)} cannot be resolved`);
      missing.unshift(path.basename(current));
      current = parent;
    }
  }
  const real = path.join(realAncestor, ...missing);
  if (!isInside(root.value, real))
    return err(`path ${quotePath(requested)} is outside the workspace`);
  if (real === root.value) return err(`path ${quotePath(requested)} is a directory`);
  return ok({
    root: root.value,
    real,
    display: displayPath(root.value, real),
    exists: missing.length === 0,
  });
}

/** Counts lines the way an editor shows them: a final line without a newline still counts. */
export function countLines(text: string): number {
  if (text === '') return 0;
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines += 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

async function writeWholeFile(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const parsed = parseToolInput('write_file', WriteFileInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  const { path: requested, content } = parsed.value;
  if (context.signal.aborted) return abortedOutcome('write_file');
  const target = await resolveWriteTarget(context.cwd, requested);
  if (!target.ok) return toolError(target.error);
  if (target.value.exists) {
    const stats = await stat(target.value.real);
    if (stats.isDirectory()) return toolError(`path ${quotePath(requested)} is a directory`);
    if (!stats.isFile()) return toolError(`path ${quotePath(requested)} is not a regular file`);
  }
  if (context.signal.aborted) return abortedOutcome('write_file');
  const written = await writeConfined(target.value.root, target.value.real, content, requested);
  if (!written.ok) return toolError(written.error);
  const bytes = Buffer.byteLength(content);
  const lines = countLines(content);
  const verb = target.value.exists ? 'replaced' : 'created';
  return toolText(
    `${verb} ${target.value.display}: wrote ${bytes} ${bytes === 1 ? 'byte' : 'bytes'}, ` +
      `${lines} ${lines === 1 ? 'line' : 'lines'}`,
  );
}

/** The write_file tool: lets an agent create a file or replace one whole. */
export const writeFileTool: WorkspaceTool = { spec, run: writeWholeFile };
