// `isolation: 'worktree'` (DESIGN.md §9): a fresh `git worktree` of the run directory's repository
// under DIR/worktrees/RUN/NAME, removed when the agent left it unchanged, kept when it changed it.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

/** A created worktree: where it is, where the agent works in it, and the commit it started from. */
export type Worktree = { readonly path: string; readonly cwd: string; readonly base: string; readonly repo: string };

type Git = { readonly code: number; readonly stdout: string; readonly stderr: string };

function git(cwd: string, args: readonly string[]): Promise<Git> {
  return new Promise((resolve) => {
    execFile('git', ['-C', cwd, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr: stderr === '' && error !== null ? error.message : stderr });
    });
  });
}

/** The repository root of `cwd`, or an error when it is not in a git repository. */
export async function gitRoot(cwd: string): Promise<Result<string>> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) return err(`isolation: 'worktree' needs a git repository, and ${cwd} is not in one`);
  return ok(top.stdout.trim());
}

/** Creates a detached worktree of HEAD at `path`; the agent's cwd is `cwd`'s place in it. */
export async function createWorktree(cwd: string, path: string): Promise<Result<Worktree>> {
  const root = await gitRoot(cwd);
  if (!root.ok) return root;
  const head = await git(cwd, ['rev-parse', 'HEAD']);
  if (head.code !== 0) return err(`isolation: 'worktree': the repository at ${root.value} has no commit yet`);
  mkdirSync(dirname(path), { recursive: true });
  const added = await git(cwd, ['worktree', 'add', '--detach', path, 'HEAD']);
  if (added.code !== 0) return err(`git worktree add ${path}: ${added.stderr.trim()}`);
  return ok({ path, cwd: join(path, relative(root.value, cwd)), base: head.stdout.trim(), repo: root.value });
}

/** DIR/worktrees/RUN/NAME. */
export function worktreePath(storeDir: string, run: string, name: string): string {
  return join(storeDir, 'worktrees', run, name);
}

/**
 * Removes the worktree when nothing changed (no commit, no modified or untracked file) and
 * answers `removed`; else keeps it and answers `kept`. A git failure keeps it too.
 */
export async function settleWorktree(tree: Worktree): Promise<'removed' | 'kept'> {
  const status = await git(tree.path, ['status', '--porcelain', '--untracked-files=all']);
  const head = await git(tree.path, ['rev-parse', 'HEAD']);
  if (status.code !== 0 || head.code !== 0) return 'kept';
  if (status.stdout.trim() !== '' || head.stdout.trim() !== tree.base) return 'kept';
  const removed = await git(tree.repo, ['worktree', 'remove', tree.path]);
  return removed.code === 0 ? 'removed' : 'kept';
}
