import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';

let dir: string;
const open: FileSessionStore[] = [];

beforeEach(() => {
  dir = makeTempDir();
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  removeTempDir(dir);
});

function openStore(): FileSessionStore {
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  open.push(opened.value);
  return opened.value;
}

async function reopen(store: FileSessionStore): Promise<FileSessionStore> {
  await store.close();
  open.splice(open.indexOf(store), 1);
  return openStore();
}

/** A closed session `name` with one entry and totals in its catalog row. */
function storedSession(store: FileSessionStore, id: string, name: string): void {
  const writer = store.create(header(id, name));
  if (!writer.ok) throw new Error(writer.error);
  expect(writer.value.append({ t: 'entry', entry: userEntry(`${id}-e1`, null, 'hello') }).ok).toBe(true);
  writer.value.close();
  const row = store.list().find((s) => s.id === id);
  if (row === undefined) throw new Error('no row');
  store.updateSummary({ ...row, turns: 3, inputTokens: 1200, outputTokens: 300, costUsd: 0.05 });
}

describe('the session trash', () => {
  it('trash moves the journal into DIR/trash and drops it from the catalog, across a restart', async () => {
    let store = openStore();
    storedSession(store, 's1', 'alpha');
    storedSession(store, 's2', 'beta');
    const moved = store.trash('s1');
    expect(moved).toEqual({ ok: true, value: path.join(dir, 'trash', 's1.jsonl') });
    expect(fs.existsSync(path.join(dir, 'journals', 's1.jsonl'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'trash', 's1.jsonl'))).toBe(true);
    expect(store.list().map((s) => s.id)).toEqual(['s2']);
    store = await reopen(store);
    expect(store.list().map((s) => s.id)).toEqual(['s2']);
    expect(store.listTrash().map((s) => [s.id, s.name, s.turns, s.inputTokens])).toEqual([['s1', 'alpha', 3, 1200]]);
  });

  it('restore brings a trashed session back with its totals, after a restart too', async () => {
    let store = openStore();
    storedSession(store, 's1', 'alpha');
    expect(store.trash('s1').ok).toBe(true);
    store = await reopen(store);
    expect(store.restore('s1').ok).toBe(true);
    expect(store.listTrash()).toEqual([]);
    expect(store.findByName('alpha')).toBe('s1');
    store = await reopen(store);
    const row = store.list().find((s) => s.id === 's1');
    expect([row?.name, row?.turns, row?.costUsd]).toEqual(['alpha', 3, 0.05]);
    const loaded = store.load('s1');
    expect(loaded.ok && loaded.value.records.map((r) => r.t)).toEqual(['session', 'entry']);
  });

  it('trash refuses a session whose journal is open for writing', () => {
    const store = openStore();
    const writer = store.create(header('s1', 'alpha'));
    expect(writer.ok).toBe(true);
    const refused = store.trash('s1');
    expect(refused.ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'journals', 's1.jsonl'))).toBe(true);
  });

  it('restore refuses to overwrite a journal of the same id', () => {
    const store = openStore();
    storedSession(store, 's1', 'alpha');
    expect(store.trash('s1').ok).toBe(true);
    fs.copyFileSync(path.join(dir, 'trash', 's1.jsonl'), path.join(dir, 'journals', 's1.jsonl'));
    expect(store.restore('s1').ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'trash', 's1.jsonl'))).toBe(true);
  });

  it('rename writes a rename record to the journal and the catalog follows, across a restart', async () => {
    let store = openStore();
    storedSession(store, 's1', 'alpha');
    expect(store.rename('s1', 'gamma')).toEqual({ ok: true, value: undefined });
    expect(store.list().find((s) => s.id === 's1')?.name).toBe('gamma');
    const lines = fs.readFileSync(path.join(dir, 'journals', 's1.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1] ?? '{}')).toEqual({ t: 'rename', name: 'gamma' });
    store = await reopen(store);
    expect(store.findByName('gamma')).toBe('s1');
    expect(store.findByName('alpha')).toBeUndefined();
  });
});
