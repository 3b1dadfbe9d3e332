// The file tools cannot be carried out of the workspace by a race (issue 9, item 4): a helper
// process keeps swapping a workspace directory with a symlink to outside while the tools run
// against paths inside that directory, many times over; not one call may read, list, write or
// edit anything outside. Each call may fail ("changed while in use"); none may escape.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { ToolOutcome } from '../../../src/core/tools.js';
import { createTempWorkspace, type TempWorkspace } from './workspace-fixture.js';

const flipperSource = path.join(import.meta.dirname, '..', '..', 'fixtures', 'symlink-flipper.ts');
let flipperScript: string;
let bundleDir: string;

beforeAll(() => {
  // Bundled once and run with plain node, so the helper starts flipping at once.
  bundleDir = mkdtempSync(path.join(tmpdir(), 'agentmux-flipper-'));
  flipperScript = path.join(bundleDir, 'symlink-flipper.mjs');
  buildSync({ entryPoints: [flipperSource], bundle: true, platform: 'node', format: 'esm', outfile: flipperScript, logLevel: 'warning' });
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));
// The probe's campaign was 1,500 tries: AGENTMUX_RACE_TRIES=1500 re-runs it at that scale.
const TRIES = Number(process.env['AGENTMUX_RACE_TRIES'] ?? 400);
const OUTSIDE_MARK = 'OUTSIDE-CONTENT';

let ws: TempWorkspace;
let flipper: ChildProcess | undefined;
let outsideDir: string;

beforeEach(() => {
  ws = createTempWorkspace();
  outsideDir = path.join(ws.outside, 'target');
  mkdirSync(outsideDir);
  mkdirSync(path.join(ws.cwd, 'race'));
  for (let index = 0; index < TRIES; index += 1) {
    writeFileSync(path.join(ws.cwd, 'race', `s${index}.txt`), 'OLD\n');
    writeFileSync(path.join(outsideDir, `s${index}.txt`), `OLD\n${OUTSIDE_MARK}\n`);
  }
  writeFileSync(path.join(outsideDir, 'outside-only.txt'), `${OUTSIDE_MARK}\n`);
  symlinkSync(outsideDir, path.join(ws.cwd, '.race-alt'));
});

afterEach(async () => {
  const child = flipper;
  flipper = undefined;
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  ws.dispose();
});

/** Starts the helper and resolves once it has swapped at least once. */
function startFlipping(): Promise<void> {
  const child = spawn(process.execPath, [flipperScript, path.join(ws.cwd, 'race'), path.join(ws.cwd, '.race-alt')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  flipper = child;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`flipper exited early with ${String(code)}`)));
    child.stdout?.setEncoding('utf8');
    child.stdout?.once('data', () => resolve());
  });
}

function run(name: string, input: Record<string, unknown>): Promise<ToolOutcome> {
  const host = createWorkspaceToolHost({ write: true });
  return host.run({ id: 'toolu_race', name, input }, { cwd: ws.cwd, signal: new AbortController().signal });
}

describe('file tools under a directory/symlink swap race', () => {
  it(`write_file never writes outside in ${TRIES} tries`, async () => {
    await startFlipping();
    for (let index = 0; index < TRIES; index += 1) {
      await run('write_file', { path: `race/e${index}.txt`, content: 'agent\n' });
    }
    expect(readdirSync(outsideDir).filter((name) => name.startsWith('e'))).toEqual([]);
    expect(flipper?.exitCode).toBeNull();
  });

  it(`edit_file never edits an outside file in ${TRIES} tries`, async () => {
    await startFlipping();
    for (let index = 0; index < TRIES; index += 1) {
      await run('edit_file', { path: `race/s${index}.txt`, old: 'OLD', new: 'EDITED' });
    }
    const edited = readdirSync(outsideDir).filter((name) =>
      readFileSync(path.join(outsideDir, name), 'utf8').includes('EDITED'),
    );
    expect(edited).toEqual([]);
    expect(flipper?.exitCode).toBeNull();
  });

  const readers: ReadonlyArray<[string, number, (index: number) => Record<string, unknown>]> = [
    ['read_file', TRIES, (index) => ({ path: `race/s${index}.txt` })],
    ['list_files', TRIES, () => ({ path: 'race' })],
    ['list_files', TRIES, () => ({})],
    // Each grep call starts its matching worker, so fewer tries fit the same time.
    ['grep', TRIES / 4, () => ({ pattern: 'OUTSIDE|OLD', path: 'race' })],
  ];
  it.each(readers)('%s never shows outside content or names in %i tries', async (tool, tries, inputFor) => {
    await startFlipping();
    const leaks: string[] = [];
    for (let index = 0; index < tries; index += 1) {
      const outcome = await run(tool, inputFor(index));
      if (outcome.content.includes(OUTSIDE_MARK) || outcome.content.includes('outside-only')) {
        leaks.push(outcome.content.slice(0, 200));
      }
      // A refusal is fine; an exception escaping the tool is not.
      expect(outcome.content).not.toMatch(/ENOENT|grep failed|failed:/);
    }
    expect(leaks).toEqual([]);
    expect(flipper?.exitCode).toBeNull();
  });
});

describe('hard links', () => {
  it('read_file, edit_file and grep refuse a hard link to an outside file, naming why', async () => {
    linkSync(path.join(ws.outside, 'secret.txt'), path.join(ws.cwd, 'hard'));
    const read = await run('read_file', { path: 'hard' });
    expect(read.isError).toBe(true);
    expect(read.content).toBe(
      'path "hard" is refused: it has 2 hard links, and another link may lie outside the workspace; ' +
        'file tools do not read hard-linked files (copy it to read it)',
    );
    const grepped = await run('grep', { pattern: 'secret' });
    expect(grepped.content).not.toContain('top secret');
    expect(grepped.content).toContain('[skipped 1 hard-linked file(s)');
    const named = await run('grep', { pattern: 'secret', path: 'hard' });
    expect(named.isError).toBe(true);
    const edited = await run('edit_file', { path: 'hard', old: 'top', new: 'bottom' });
    expect(edited.isError).toBe(true);
    expect(readFileSync(path.join(ws.outside, 'secret.txt'), 'utf8')).toBe('top secret\n');
  });

  it('grep searches the rest of the workspace when a file name is not UTF-8 or a file vanishes', async () => {
    ws.write('good.txt', 'needle\n');
    writeFileSync(Buffer.concat([Buffer.from(`${ws.cwd}/c`), Buffer.from([0xff]), Buffer.from('bad.txt')]), 'needle too\n');
    const outcome = await run('grep', { pattern: 'needle' });
    expect(outcome.isError).toBe(false);
    expect(outcome.content).toBe('c\uFFFDbad.txt:1: needle too\ngood.txt:1: needle');
    expect(existsSync(path.join(ws.cwd, 'good.txt'))).toBe(true);
  });
});
