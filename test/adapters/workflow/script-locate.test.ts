// DESIGN.md §9 Loading: FILE vs NAME, and where a NAME is looked up, in order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWorkflowFile, locateWorkflow } from '../../../src/adapters/workflow/script-locate.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'agentmux-locate-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function put(relative: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  return file;
}

describe('finding a workflow', () => {
  it('an ARG with / or ending in .js/.mjs is a FILE, anything else a NAME', () => {
    expect(['./a', 'dir/a', 'a.js', 'a.mjs'].map(isWorkflowFile)).toEqual([true, true, true, true]);
    expect(['review', 'a.json', 'fix-until-green'].map(isWorkflowFile)).toEqual([false, false, false]);
  });

  it('a NAME is found from the current directory up to the git root, then ~/.claude/workflows, then the shipped ones', () => {
    fs.mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    const cwd = path.join(root, 'repo', 'pkg', 'sub');
    fs.mkdirSync(cwd, { recursive: true });
    const places = { cwd, home: path.join(root, 'home'), shipped: path.join(root, 'shipped') };
    const shipped = put('shipped/w.js');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: shipped });
    const home = put('home/.claude/workflows/w.mjs');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: home });
    put('.claude/workflows/w.js'); // above the git root: never looked at
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: home });
    const atRoot = put('repo/.claude/workflows/w.js');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: atRoot });
    const nearer = put('repo/pkg/.claude/workflows/w.mjs');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: nearer });
    const js = put('repo/pkg/.claude/workflows/w.js');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: js });
  });

  it('outside a repository only the current directory is searched before ~/.claude/workflows', () => {
    const cwd = path.join(root, 'plain', 'sub');
    fs.mkdirSync(cwd, { recursive: true });
    put('plain/.claude/workflows/w.js');
    const places = { cwd, home: path.join(root, 'home'), shipped: path.join(root, 'shipped') };
    const missing = locateWorkflow('w', places);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error).toContain(`w: no workflow by that name (looked for w.js or w.mjs in ${path.join(cwd, '.claude', 'workflows')}, `);
    const here = put('plain/sub/.claude/workflows/w.js');
    expect(locateWorkflow('w', places)).toEqual({ ok: true, value: here });
  });

  it('a FILE is relative to the current directory', () => {
    const file = put('proj/scripts/a.js');
    const places = { cwd: path.join(root, 'proj'), home: root, shipped: root };
    expect(locateWorkflow('scripts/a.js', places)).toEqual({ ok: true, value: file });
    expect(locateWorkflow('./nope.js', places)).toEqual({ ok: false, error: './nope.js: no such file' });
  });
});
