// The workflow host's agentType files, worktrees and headless approvals, over the real controller,
// SDK, scripted model, tools and git (DESIGN.md §9).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADLESS_REFUSAL } from '../../src/core/workflow/headless-refusal.js';
import { startWorkflowKit, systemText, toolNames, type WorkflowKit } from './workflow-kit.js';

let kit: WorkflowKit | undefined;
const temps: string[] = [];
afterEach(async () => {
  await kit?.close();
  kit = undefined;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A git repository with one commit. */
function gitRepo(): string {
  const dir = tempDir('agentmux-repo-');
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q');
  writeFileSync(join(dir, 'README.md'), '# repo\n');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'first');
  return dir;
}

describe('agentType', () => {
  it('reads .claude/agents/NAME.md: its body is the system prompt, its tools and model apply', async () => {
    kit = await startWorkflowKit([{ text: 'checked' }]);
    mkdirSync(join(kit.workspace, '.claude', 'agents'), { recursive: true });
    writeFileSync(
      join(kit.workspace, '.claude', 'agents', 'auditor.md'),
      '---\nname: auditor\ndescription: Audits code.\ntools: Read, Grep, WebFetch\nmodel: haiku\n---\nYou audit code for security bugs.\n',
    );
    const { outcome } = await kit.call('Audit src/.', { agentType: 'auditor' });
    expect(outcome).toEqual({ kind: 'value', value: 'checked' });
    expect(systemText(kit.model, 0).startsWith('You audit code for security bugs.')).toBe(true);
    expect(toolNames(kit.model, 0)).toEqual(['read_file', 'grep']);
    expect(kit.model.requests[0]?.body.model).toBe('claude-haiku-4-5');
  });

  it('treats general-purpose as the default agent and throws on a missing file', async () => {
    kit = await startWorkflowKit([{ text: 'ok' }]);
    expect((await kit.call('x', { agentType: 'general-purpose' })).outcome).toEqual({ kind: 'value', value: 'ok' });
    const missing = await kit.call('y', { agentType: 'nobody' });
    expect(missing.outcome.kind).toBe('throw');
    expect(missing.outcome.kind === 'throw' ? missing.outcome.message : '').toContain('agentType "nobody": no agent file');
  });
});

describe("isolation: 'worktree'", () => {
  it('runs the agent in a fresh worktree and removes it when unchanged', async () => {
    const repo = gitRepo();
    kit = await startWorkflowKit([{ toolUses: [{ name: 'read_file', input: { path: 'README.md' } }] }, { text: 'read it' }], { workspace: repo });
    const { outcome, started } = await kit.call('Read the README.', { label: 'reader', isolation: 'worktree' });
    expect(outcome).toEqual({ kind: 'value', value: 'read it' });
    const tree = join(kit.dir, 'worktrees', 'r1', 'reader');
    expect(started[0]?.agent).toBe('reader');
    expect(kit.controller.find('reader')?.config.cwd).toBe(tree);
    expect(systemText(kit.model, 0)).toContain(tree);
    expect(JSON.stringify(kit.model.requests[1]?.body.messages)).toContain('# repo');
    expect(existsSync(tree)).toBe(false);
  });

  it('keeps a changed worktree and names it in the outcome', async () => {
    const repo = gitRepo();
    kit = await startWorkflowKit(
      [{ toolUses: [{ name: 'write_file', input: { path: 'NOTES.md', content: 'changed\n' } }] }, { text: 'wrote it' }],
      { workspace: repo },
    );
    const { outcome } = await kit.call('Write notes.', { label: 'writer', isolation: 'worktree' });
    const tree = join(kit.dir, 'worktrees', 'r1', 'writer');
    expect(outcome).toEqual({ kind: 'value', value: 'wrote it', worktree: tree });
    expect(readFileSync(join(tree, 'NOTES.md'), 'utf8')).toBe('changed\n');
    expect(existsSync(join(repo, 'NOTES.md'))).toBe(false);
  });

  it('throws outside a git repository, with no model call', async () => {
    const plain = tempDir('agentmux-plain-');
    kit = await startWorkflowKit([], { workspace: plain });
    const { outcome } = await kit.call('x', { isolation: 'worktree' });
    expect(outcome.kind).toBe('throw');
    expect(outcome.kind === 'throw' ? outcome.message : '').toContain('needs a git repository');
    expect(kit.model.requests).toHaveLength(0);
  });
});

describe('approvals in a headless run', () => {
  it('refuses a write under --approve ask with the stated message, to the agent and on stderr as RUN: AGENT: …', async () => {
    kit = await startWorkflowKit([{ toolUses: [{ name: 'write_file', input: { path: 'x.txt', content: 'x' } }] }, { text: 'could not write' }]);
    const { outcome } = await kit.call('Write x.txt.', { label: 'w' }, { headless: true, approve: 'ask' });
    expect(outcome).toEqual({ kind: 'value', value: 'could not write' });
    const result = JSON.stringify(kit.model.requests[1]?.body.messages);
    expect(result).toContain(`"content":"${HEADLESS_REFUSAL}"`);
    expect(kit.reported).toEqual([`r1: w: write_file x.txt (1 line): ${HEADLESS_REFUSAL}`]);
    expect(existsSync(join(kit.workspace, 'x.txt'))).toBe(false);
  });

  it('runs a bash call that --allow matches', async () => {
    kit = await startWorkflowKit([{ toolUses: [{ name: 'bash', input: { command: 'echo hi' } }] }, { text: 'ran' }]);
    const { outcome } = await kit.call('Say hi.', {}, { headless: true, approve: 'ask', allow: ['bash:echo *'] });
    expect(outcome).toEqual({ kind: 'value', value: 'ran' });
    expect(JSON.stringify(kit.model.requests[1]?.body.messages)).toContain('hi');
    expect(kit.reported).toEqual([]);
  });
});
