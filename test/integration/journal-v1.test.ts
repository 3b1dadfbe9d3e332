// Journals written before the undo point became a union (format version 1) still load and undo:
// test/fixtures/journal-v1 was written by that code (a rewind with files, one without, a switch,
// an edit, a fork and a graft), and today's code reads it, reattaches it and takes each step back.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { dispatch } from '../../src/core/dispatch.js';
import { JOURNAL_VERSION } from '../../src/core/journal-record.js';
import { startHarness, type Harness } from './harness.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'journal-v1');
const ALPHA = '16fc7eca82f24480';
const FORK = '57fe55a1f51b43ad';

const dirs: string[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store directory holding a copy of the version-1 fixture (the fixture itself is never written). */
function fixtureStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-v1-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('version-1 journals', () => {
  it('a version-1 journal loads, its undo points read as the union by operation', () => {
    const opened = FileSessionStore.open(fixtureStore());
    if (!opened.ok) throw new Error(opened.error);
    const loaded = opened.value.load(ALPHA);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.header.v).toBe(1);
    const points = loaded.value.records.filter((record) => record.t === 'undo-point');
    expect(points.map((point) => point.op)).toEqual(['rewind', 'rewind', 'switch', 'edit', 'fork', 'graft']);
    const [withFiles, conversationOnly, switched, , fork] = points;
    expect(withFiles?.op === 'rewind' ? withFiles.files?.map((file) => file.path) : 'not a rewind').toEqual(['README.md']);
    expect(conversationOnly?.op === 'rewind' ? conversationOnly.files : 'not a rewind').toBeUndefined();
    expect(switched?.op === 'switch' ? switched.files : 'not a switch').toEqual([]);
    expect(fork?.op === 'fork' ? fork.forked : 'not a fork').toBe(FORK);
    expect(opened.value.load(FORK).ok).toBe(true);
  });

  it('a reattached version-1 session undoes graft, fork, edit, switch and rewind in turn', async () => {
    const h = (harness = await startHarness([], { dir: fixtureStore() }));
    const alpha = h.agent('alpha');
    expect(alpha.session?.id).toBe(ALPHA);
    expect(alpha.session?.undoStack.map((point) => point.op)).toEqual(['rewind', 'switch', 'edit', 'fork', 'graft']);
    const undone = ['graft', 'fork', 'edit', 'switch', 'rewind'].map(() => dispatch(h.controller, 'undo'));
    expect(undone.map((result) => ('message' in result ? result.message : result.kind))).toEqual([
      "undid alpha's graft",
      'undid the fork of alpha',
      "undid alpha's edit",
      "undid alpha's switch",
      "undid alpha's rewind",
    ]);
    expect(dispatch(h.controller, 'undo')).toMatchObject({ kind: 'error', message: 'undo: nothing to undo for alpha' });
  });

  it('a new session is written in the current version', async () => {
    const h = (harness = await startHarness([], { dir: fixtureStore(), agents: ['beta'] }));
    const id = h.agent('beta').session?.id;
    const first = readFileSync(join(h.dir, 'journals', `${id}.jsonl`), 'utf8').split('\n')[0] ?? '';
    expect(JSON.parse(first)).toMatchObject({ t: 'session', v: JOURNAL_VERSION });
    expect(JOURNAL_VERSION).toBe(3);
  });
});
