// A session keeps the directory it was started in (issue 11, B11): its journal header records it
// (format version 3), the session browser's open reattaches it there whatever pane has the focus,
// a directory that is gone is refused with the way out, and version-2 journals (no cwd, written by
// commit a0f8593's code: test/fixtures/journal-v2) still load and open in the focused agent's.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch.js';
import { JOURNAL_VERSION } from '../../src/core/journal-record.js';
import { closeHarnesses, openHarness, type Harness } from './harness.js';

const V2_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'journal-v2');
const V2_PLANNER = '3522c2dc65634c50';

const dirs: string[] = [];
afterEach(async () => {
  await closeHarnesses();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function header(h: Harness, sessionId: string | undefined): unknown {
  return JSON.parse(readFileSync(join(h.dir, 'journals', `${sessionId ?? 'none'}.jsonl`), 'utf8').split('\n')[0] ?? '');
}

/** A harness whose `alpha` works in the harness workspace and `beta` in a directory of its own. */
async function twoDirectories(): Promise<{ h: Harness; betaDir: string; betaId: string }> {
  const h = await openHarness([{ text: 'Planned.' }]);
  const betaDir = tempDir('agentmux-beta-');
  const added = h.controller.addAgent({ name: 'beta', model: 'claude-sonnet-4-6', cwd: betaDir });
  if (!added.ok) throw new Error(added.error);
  return { h, betaDir, betaId: added.value.kind === 'sdk' ? added.value.session.id : '' };
}

describe('a session keeps its working directory', () => {
  it('a new session and a fork record their directory in the journal header, in format version 3', async () => {
    const { h, betaDir, betaId } = await twoDirectories();
    expect(JOURNAL_VERSION).toBe(3);
    expect(header(h, betaId)).toMatchObject({ t: 'session', v: 3, name: 'beta', cwd: betaDir });
    expect(header(h, h.agent('alpha').session?.id)).toMatchObject({ cwd: h.workspace });
    h.controller.panes.focus('beta');
    expect(dispatch(h.controller, 'fork')).toMatchObject({ kind: 'ok', message: 'forked beta into beta-fork' });
    expect(header(h, h.agent('beta-fork').session?.id)).toMatchObject({ v: 3, cwd: betaDir, forkOf: { session: betaId } });
  });

  it('a session opened from the store works in its own directory, not in the focused agent\'s', async () => {
    const { h, betaDir, betaId } = await twoDirectories();
    expect(dispatch(h.controller, 'close -t beta').kind).toBe('ok');
    await h.controller.closed();
    h.controller.panes.focus('alpha');
    const opened = h.controller.panes.openSession(betaId);
    expect(opened).toEqual({ ok: true, value: `opened session beta (claude-sonnet-4-6) in ${betaDir}` });
    expect(h.agent('beta').config.cwd).toBe(betaDir);
    expect(h.agent('alpha').config.cwd).toBe(h.workspace);
  });

  it('a session whose directory is gone is not opened: the message names it and the way out, the journal is untouched', async () => {
    const { h, betaDir, betaId } = await twoDirectories();
    expect(dispatch(h.controller, 'close -t beta').kind).toBe('ok');
    await h.controller.closed();
    const journal = join(h.dir, 'journals', `${betaId}.jsonl`);
    const before = readFileSync(journal, 'utf8');
    rmSync(betaDir, { recursive: true });
    expect(h.controller.panes.openSession(betaId)).toEqual({
      ok: false,
      error: `beta was started in ${betaDir}, which no longer exists: not opened (the session is unchanged); open it elsewhere with :session-open --cwd DIR ${betaId}`,
    });
    expect(h.controller.find('beta')).toBeUndefined();
    expect(readFileSync(journal, 'utf8')).toBe(before);
    const elsewhere = tempDir('agentmux-elsewhere-');
    expect(h.controller.panes.openSession(betaId, join(elsewhere, 'nope'))).toEqual({ ok: false, error: `cannot work in ${join(elsewhere, 'nope')}: it no longer exists` });
    expect(h.controller.panes.openSession(betaId, elsewhere)).toEqual({
      ok: true,
      value: `opened session beta (claude-sonnet-4-6) in ${elsewhere} (it was started in ${betaDir})`,
    });
    expect(h.agent('beta').config.cwd).toBe(elsewhere);
  });
});

describe('version-2 journals (no directory in the header)', () => {
  function v2Store(): string {
    const dir = tempDir('agentmux-v2-');
    cpSync(V2_FIXTURE, dir, { recursive: true });
    return dir;
  }

  it('a version-2 journal loads, and opened from the store it works in the focused agent\'s directory and says why', async () => {
    const h = await openHarness([], { dir: v2Store() });
    const loaded = h.store.load(V2_PLANNER);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.header).toMatchObject({ v: 2, name: 'planner' });
    expect(loaded.value.header.cwd).toBeUndefined();
    const opened = h.controller.panes.openSession(V2_PLANNER);
    expect(opened).toEqual({
      ok: true,
      value: `opened session planner (claude-sonnet-4-6) in ${h.workspace} (its journal, older than version 3, records no directory: the focused agent's or the start directory is used)`,
    });
    expect(h.agent('planner').config.cwd).toBe(h.workspace);
    expect(h.agent('planner').session?.view().turnCount).toBe(1);
  });
});
