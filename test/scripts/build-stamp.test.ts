// bin/agentmux.js runs dist/ only while it was built from src/ as it is: any source written,
// added or removed since the build began sends it back to the TypeScript sources (through tsx).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distIsCurrent, fileSystemNow, stampPath, writeBuildStamp } from '../../scripts/build-stamp.js';

const repo = join(import.meta.dirname, '..', '..');

/** A package with src/ (a nested folder too) and a built dist/src/cli.js; builds it (stamp only). */
function makePackage(root: string): string {
  mkdirSync(join(root, 'src', 'view'), { recursive: true });
  mkdirSync(join(root, 'dist', 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli.ts'), "process.stdout.write('from src');\n");
  writeFileSync(join(root, 'src', 'view', 'pane.ts'), 'export const pane = 1;\n');
  const entry = join(root, 'dist', 'src', 'cli.js');
  writeFileSync(entry, "process.stdout.write('from dist');\n");
  // Written long before the build: a file-system clock tick (~4 ms) must not blur the order.
  const before = new Date('2020-01-01T00:00:00Z');
  for (const path of ['src/cli.ts', 'src/view/pane.ts', 'src/view', 'src']) utimesSync(join(root, path), before, before);
  return entry;
}

function build(root: string): void {
  writeBuildStamp(root, fileSystemNow(root));
}

describe('dist/ is current (build stamp)', () => {
  let root = '';
  let entry = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'agentmux-stamp-'));
    entry = makePackage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is current right after a build', () => {
    build(root);
    expect(distIsCurrent(root, entry)).toBe(true);
  });

  it('is stale once a source is written in place after the build', () => {
    build(root);
    writeFileSync(join(root, 'src', 'view', 'pane.ts'), 'export const pane = 2;\n');
    expect(distIsCurrent(root, entry)).toBe(false);
  });

  it('is stale once a source is added to a nested folder', () => {
    build(root);
    writeFileSync(join(root, 'src', 'view', 'new-pane.ts'), 'export const added = 1;\n');
    expect(distIsCurrent(root, entry)).toBe(false);
  });

  it('is stale once a source is removed', () => {
    build(root);
    unlinkSync(join(root, 'src', 'view', 'pane.ts'));
    expect(distIsCurrent(root, entry)).toBe(false);
  });

  it('is stale when a source was written after the build began but before it finished', () => {
    const started = fileSystemNow(root);
    writeFileSync(join(root, 'src', 'cli.ts'), "process.stdout.write('edited during the build');\n");
    writeBuildStamp(root, started);
    expect(distIsCurrent(root, entry)).toBe(false);
  });

  it('is stale without a stamp, with a stamp it cannot read, or without the built entry', () => {
    expect(distIsCurrent(root, entry)).toBe(false);
    writeFileSync(stampPath(root), '2026-12-07T21:00:00.000Z');
    expect(distIsCurrent(root, entry)).toBe(false);
    build(root);
    unlinkSync(entry);
    expect(distIsCurrent(root, entry)).toBe(false);
  });

  it('bin/agentmux.js runs dist/ while current and the sources through tsx once one changed', () => {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'scripts'));
    copyFileSync(join(repo, 'bin', 'agentmux.js'), join(root, 'bin', 'agentmux.js'));
    copyFileSync(join(repo, 'scripts', 'build-stamp.js'), join(root, 'scripts', 'build-stamp.js'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
    const before = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(root, 'src'), before, before);
    const run = (): string => execFileSync(process.execPath, [join(root, 'bin', 'agentmux.js')], { encoding: 'utf8' });
    build(root);
    expect(run()).toBe('from dist');
    writeFileSync(join(root, 'src', 'cli.ts'), "process.stdout.write('from src, edited');\n");
    expect(run()).toBe('from src, edited');
  });
});
