// isolation: 'worktree' runs real git: a hook an agent wrote into .git/hooks must not run, and git
// must not see the provider keys (issue 9).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorktree, gitEnvironment, settleWorktree } from '../../../src/adapters/workflow/git-worktree.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-gitwt-'));
  temps.push(dir);
  return dir;
}

describe('git for worktrees', () => {
  it('does not run a post-checkout hook the workspace holds', async () => {
    const repo = tempDir();
    const git = (...args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(repo, 'README.md'), '# repo\n');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'first');
    const leaked = join(tempDir(), 'hook-env.txt');
    const hook = join(repo, '.git', 'hooks', 'post-checkout');
    writeFileSync(hook, `#!/bin/sh\nenv > '${leaked}'\n`);
    chmodSync(hook, 0o755);

    const created = await createWorktree(repo, join(tempDir(), 'tree'));
    expect(created.ok).toBe(true);
    expect(existsSync(leaked)).toBe(false);
    if (created.ok) expect(await settleWorktree(created.value)).toBe('removed');
    expect(existsSync(leaked)).toBe(false);
  });

  it('runs git without the provider keys, the providers file apiKeyEnv ones included', () => {
    const env = gitEnvironment({ PATH: '/usr/bin', ANTHROPIC_API_KEY: 'sk-a', OTHER_KEY: 'sk-b', HOME: '/h' }, ['ANTHROPIC_API_KEY', 'OTHER_KEY']);
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/h' });
  });
});
