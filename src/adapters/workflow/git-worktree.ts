// `isolation: 'worktree'` (DESIGN.md §9): a fresh `git worktree` of the run directory's repository
// under DIR/worktrees/RUN/NAME, removed when the agent left it unchanged, kept when it changed it.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { err, ok, type Result } from '../../core/result.js';
import { SECRET_VARIABLES, withoutSecrets } from '../tools/secrets.js';

/** A created worktree: where it is, where the agent works in it, and the commit it started from. */
export type Worktree = { readonly path: string; readonly cwd: string; readonly base: string; readonly repo: string };

type Git = { readonly code: number; readonly stdout: string; readonly stderr: string };

/**
 * The environment git runs with: agentmux's own without the provider keys (`secrets`), since an
 * agent's repository may hold config or filters that run programs (issue 9).
 */
export function gitEnvironment(base: Readonly<Record<string, string | undefined>>, secrets: readonly string[]): Record<string, string> {
  return withoutSecrets(base, {}, secrets);
}

/** Runs git with the keys removed and hooks off: sandboxed bash may have written .git/hooks. */
function git(cwd: string, args: readonly string[], secrets: readonly string[]): Promise<Git> {
  return new Promise((resolve) => {
    const options = { encoding: 'utf8', env: gitEnvironment(process.env, secrets) } as const;
    execFile('git', ['-c', 'core.hooksPath=/dev/null', '-C', cwd, ...args], options, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr: stderr === '' && error !== null ? error.message : stderr });
    });
  });
}

/** The repository root of `cwd`, or an error when it is not in a git repository. */
export async function gitRoot(cwd: string, secrets: readonly string[] = SECRET_VARIABLES): Promise<Result<string>> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel'], secrets);
  if (top.code !== 0) return err(`isolation: 'worktree' needs a git repository, and ${cwd} is not in one`);
  return ok(top.stdout.trim());
}

/**
 * Creates a detached worktree of HEAD at `path`; the agent's cwd is `cwd`'s place in it.
 * `secrets`: the variables git must not see (the provider keys).
 */
export async function createWorktree(cwd: string, path: string, secrets: readonly string[] = SECRET_VARIABLES): Promise<Result<Worktree>> {
  const root = await gitRoot(cwd, secrets);
  if (!root.ok) return root;
  const head = await git(cwd, ['rev-parse', 'HEAD'], secrets);
  if (head.code !== 0) return err(`isolation: 'worktree': the repository at ${root.value} has no commit yet`);
  mkdirSync(dirname(path), { recursive: true });
  const added = await git(cwd, ['worktree', 'add', '--detach', path, 'HEAD'], secrets);
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
export async function settleWorktree(tree: Worktree, secrets: readonly string[] = SECRET_VARIABLES): Promise<'removed' | 'kept'> {
  const status = await git(tree.path, ['status', '--porcelain', '--untracked-files=all'], secrets);
  const head = await git(tree.path, ['rev-parse', 'HEAD'], secrets);
  if (status.code !== 0 || head.code !== 0) return 'kept';
  if (status.stdout.trim() !== '' || head.stdout.trim() !== tree.base) return 'kept';
  const removed = await git(tree.repo, ['worktree', 'remove', tree.path], secrets);
  return removed.code === 0 ? 'removed' : 'kept';
}
