// write_file: creates or replaces one text file in the workspace. The target may not exist
// yet, so it is confined here by its longest existing ancestor (symlinks followed), and the
// bytes land through a temporary file renamed over the target, so a reader never sees half.
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
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

/**
 * Writes `content` to `file` through a temporary sibling renamed over it, keeping an existing
 * file's permission bits. Shared with edit_file; the temporary file never outlives a failure.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  let mode: number | undefined;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch (thrown) {
    if (errorCode(thrown) !== 'ENOENT') throw thrown;
  }
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.agentmux-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content, { flag: 'wx', mode: mode ?? 0o666, flush: true });
    if (mode !== undefined) await chmod(temporary, mode); // the umask must not narrow it
    await rename(temporary, file);
  } catch (thrown) {
    await unlink(temporary).catch(() => undefined);
    throw thrown;
  }
}

/** Counts lines the way an editor shows them: a final line without a newline still counts. */
export function countLines(text: string): number {
  if (text === '') return 0;
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines += 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

// Creates the parent folders, then checks again where they really are: a folder swapped for
// a symlink between the check and mkdir must not carry the write out of the workspace.
async function prepareParent(target: WriteTarget, requested: string): Promise<Result<string>> {
  const parent = path.dirname(target.real);
  try {
    await mkdir(parent, { recursive: true });
  } catch (thrown) {
    const code = errorCode(thrown);
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      return err(`cannot create the folders for ${quotePath(requested)}: a file is in the way`);
    }
    return err(`cannot create the folders for ${quotePath(requested)}: ${String(code ?? thrown)}`);
  }
  const realParent = await realpath(parent);
  if (!isInside(target.root, realParent)) {
    return err(`path ${quotePath(requested)} is outside the workspace`);
  }
  return ok(path.join(realParent, path.basename(target.real)));
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
  const file = await prepareParent(target.value, requested);
  if (!file.ok) return toolError(file.error);
  if (context.signal.aborted) return abortedOutcome('write_file');
  try {
    await writeFileAtomically(file.value, content);
  } catch (thrown) {
    return toolError(`cannot write ${quotePath(requested)}: ${messageOf(thrown)}`);
  }
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
