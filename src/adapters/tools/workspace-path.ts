// Confinement for the file tools (DESIGN.md §7: file tools stay inside the agent's workspace).
// Every requested path is resolved against the agent's cwd with symlinks followed, and
// refused when the real target lies outside the real cwd.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

/** A path the tools may touch: its real location and how to show it to the model. */
export type WorkspacePath = {
  /** The real (symlink-free) workspace root. */
  readonly root: string;
  /** The real (symlink-free) target. */
  readonly real: string;
  /** The target relative to the root, with `/` separators; `.` for the root itself. */
  readonly display: string;
};

/** True when `candidate` is `root` or lies below it (both already absolute and normalized). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '') return true;
  if (path.isAbsolute(relative)) return false;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`);
}

/** Turns a path below the root into the form the model sees: relative, `/`-separated. */
export function displayPath(root: string, real: string): string {
  const relative = path.relative(root, real);
  if (relative === '') return '.';
  return relative.split(path.sep).join('/');
}

/** Quotes a requested path for an error message exactly as the model wrote it. */
export function quotePath(requested: string): string {
  return JSON.stringify(requested);
}

type RealPathLookup = { readonly real: string; readonly exists: boolean };

function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return undefined;
  return typeof thrown.code === 'string' ? thrown.code : undefined;
}

// A missing target still has to be judged by where it would be: follow the symlinks of its
// longest existing ancestor, so `link-out/missing` is "outside" rather than "does not exist".
async function realPathOfPossiblyMissing(absolute: string): Promise<RealPathLookup> {
  const missingParts: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await realpath(current);
      return { real: path.join(real, ...missingParts), exists: missingParts.length === 0 };
    } catch (thrown) {
      const code = errorCode(thrown);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw thrown;
      const parent = path.dirname(current);
      if (parent === current) return { real: absolute, exists: false };
      missingParts.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** Resolves the workspace root itself, so a missing or unreadable cwd is one clear error. */
export async function resolveWorkspaceRoot(cwd: string): Promise<Result<string>> {
  try {
    return ok(await realpath(cwd));
  } catch (thrown) {
    if (errorCode(thrown) === 'ENOENT') return err(`workspace ${quotePath(cwd)} does not exist`);
    return err(
      `workspace ${quotePath(cwd)} cannot be used: ${String(errorCode(thrown) ?? thrown)}`,
    );
  }
}

/** Resolves a path the model asked for, refusing anything whose real target leaves the cwd. */
export async function resolveInWorkspace(
  cwd: string,
  requested: string,
): Promise<Result<WorkspacePath>> {
  const root = await resolveWorkspaceRoot(cwd);
  if (!root.ok) return root;
  if (requested.includes('\0')) return err(`path ${quotePath(requested)} contains a NUL character`);
  // Relative paths are taken from the real root, so a symlinked cwd behaves like its target.
  const absolute = path.resolve(root.value, requested);
  let lookup: RealPathLookup;
  try {
    lookup = await realPathOfPossiblyMissing(absolute);
  } catch (thrown) {
    return err(
      `path ${quotePath(requested)} cannot be resolved: ${String(errorCode(thrown) ?? thrown)}`,
    );
  }
  if (!isInside(root.value, lookup.real)) {
    return err(`path ${quotePath(requested)} is outside the workspace`);
  }
  if (!lookup.exists) return err(`path ${quotePath(requested)} does not exist`);
  return ok({ root: root.value, real: lookup.real, display: displayPath(root.value, lookup.real) });
}
