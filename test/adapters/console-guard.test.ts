import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installConsoleGuard } from '../../src/adapters/console-guard.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function logPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-guard-'));
  dirs.push(dir);
  return join(dir, 'agentmux.log');
}

describe('console guard', () => {
  it('sends console.warn and console.log to the log file instead of the terminal', () => {
    const path = logPath();
    const originalWarn = console.warn;
    const guard = installConsoleGuard(path);
    try {
      console.warn('The model %s is deprecated', 'claude-x');
      console.log({ answer: 42 });
    } finally {
      guard.dispose();
    }
    const log = readFileSync(path, 'utf8');
    expect(log).toMatch(/console\.warn: The model claude-x is deprecated/);
    expect(log).toMatch(/console\.log: \{ answer: 42 \}/);
    expect(console.warn).toBe(originalWarn);
  });

  it('sends process warnings to the log file and restores Node’s own printer on dispose', async () => {
    const path = logPath();
    const before = process.listeners('warning');
    const guard = installConsoleGuard(path);
    try {
      expect(process.listeners('warning')).toHaveLength(1);
      const emitted = new Promise<void>((resolve) => process.once('warning', () => resolve()));
      process.emitWarning('something odd', 'ExperimentalWarning');
      await emitted;
    } finally {
      guard.dispose();
    }
    expect(readFileSync(path, 'utf8')).toMatch(/process warning: ExperimentalWarning: something odd/);
    expect(process.listeners('warning')).toEqual(before);
  });
});
