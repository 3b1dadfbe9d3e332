import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDemoWorkspace, findDemoTemplate } from '../../src/adapters/demo-workspace.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'agentmux-demo-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const EXPECTED_FILES = [
  'package.json',
  'README.md',
  'src/index.ts',
  'src/parser.ts',
  'src/format.ts',
  'test/parser.test.ts',
];

describe('copyDemoWorkspace', () => {
  it('finds the template at demo/workspace in the repository', () => {
    const template = findDemoTemplate();
    expect(template).toEqual({ ok: true, value: path.resolve('demo', 'workspace') });
  });

  it('copies the sample project into a new directory and returns its absolute path', () => {
    const dest = path.join(base, 'agents', 'alpha');
    const copied = copyDemoWorkspace(dest);
    expect(copied).toEqual({ ok: true, value: dest });
    for (const file of EXPECTED_FILES) expect(existsSync(path.join(dest, file)), file).toBe(true);
    expect(readFileSync(path.join(dest, 'src', 'parser.ts'), 'utf8')).toContain('TODO');
  });

  it('gives each agent its own copy: edits to one do not reach another', () => {
    const alpha = path.join(base, 'alpha');
    const beta = path.join(base, 'beta');
    expect(copyDemoWorkspace(alpha).ok).toBe(true);
    writeFileSync(path.join(alpha, 'src', 'parser.ts'), 'changed');
    expect(copyDemoWorkspace(beta).ok).toBe(true);
    expect(readFileSync(path.join(beta, 'src', 'parser.ts'), 'utf8')).not.toBe('changed');
  });

  it('accepts an existing empty directory', () => {
    const dest = path.join(base, 'empty');
    mkdirSync(dest);
    expect(copyDemoWorkspace(dest)).toEqual({ ok: true, value: dest });
  });

  it('refuses a directory that already holds files, leaving them untouched', () => {
    const dest = path.join(base, 'used');
    mkdirSync(dest);
    writeFileSync(path.join(dest, 'README.md'), 'mine');
    expect(copyDemoWorkspace(dest)).toEqual({
      ok: false,
      error: `${dest}: not empty; the demo needs a fresh directory`,
    });
    expect(readFileSync(path.join(dest, 'README.md'), 'utf8')).toBe('mine');
  });

  it('reports a missing template as an error value', () => {
    const template = path.join(base, 'no-template');
    const result = copyDemoWorkspace(path.join(base, 'x'), template);
    expect(result).toEqual({ ok: false, error: `demo workspace template ${template} not found` });
    expect(existsSync(path.join(base, 'x'))).toBe(false);
  });
});
