import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import type { SessionSummary } from '../../../src/core/store.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';

let dir: string;
let catalogFile: string;
const open: FileSessionStore[] = [];

beforeEach(() => {
  dir = makeTempDir();
  catalogFile = path.join(dir, 'catalog.json');
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  vi.restoreAllMocks();
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
  return openStore();
}

/** Creates a session named `name`, optionally renamed afterwards with a journal record. */
function createSession(store: FileSessionStore, id: string, name: string, created: number, renameTo?: string): void {
  const writer = store.create(header(id, name, created));
  if (!writer.ok) throw new Error(writer.error);
  expect(writer.value.append({ t: 'entry', entry: userEntry(`${id}-e1`, null, 'hi') }).ok).toBe(true);
  if (renameTo !== undefined) expect(writer.value.append({ t: 'rename', name: renameTo }).ok).toBe(true);
  writer.value.close();
}

describe('catalog', () => {
  it('findByName finds a session by its name after a rename record, and not by its old name', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1, 'beta');
    expect(store.findByName('beta')).toBe('s1');
    expect(store.findByName('alpha')).toBeUndefined();
    store = await reopen(store);
    expect(store.findByName('beta')).toBe('s1');
  });

  it('findByName returns the newest session with that name', () => {
    const store = openStore();
    createSession(store, 'old', 'alpha', 100);
    createSession(store, 'new', 'alpha', 200);
    createSession(store, 'other', 'beta', 300);
    expect(store.findByName('alpha')).toBe('new');
  });

  it('a deleted catalog is rebuilt from the journals, renames included', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1, 'renamed');
    createSession(store, 's2', 'beta', 2);
    await store.close();
    fs.rmSync(catalogFile);
    store = openStore();
    expect(store.notices).toEqual([`${catalogFile}: rebuilt from 2 journals (missing)`]);
    expect(store.list().map((row) => [row.id, row.name, row.model])).toEqual([
      ['s1', 'renamed', 'claude-sonnet-4-5'],
      ['s2', 'beta', 'claude-sonnet-4-5'],
    ]);
    expect(store.findByName('renamed')).toBe('s1');
    await store.flush();
    expect(JSON.parse(fs.readFileSync(catalogFile, 'utf8'))).toMatchObject({ version: 1, sessions: [{ id: 's1' }, { id: 's2' }] });
  });

  it('a corrupt catalog is rebuilt and a copy of it is kept', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1);
    await store.close();
    fs.writeFileSync(catalogFile, '{"version":1,"sessions":[{"id":');
    store = openStore();
    expect(store.findByName('alpha')).toBe('s1');
    expect(store.notices[0]).toMatch(/catalog\.json: rebuilt from 1 journals \(invalid JSON \(.+\); copy kept at .+quarantine\/catalog-.+\.json\)$/);
    expect(fs.readdirSync(path.join(dir, 'quarantine'))).toHaveLength(1);
  });

  it('a catalog that fails its schema is rebuilt', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1);
    await store.close();
    fs.writeFileSync(catalogFile, JSON.stringify({ version: 1, sessions: [{ id: 's1', name: 'alpha' }], settings: { overallBudget: {} } }));
    store = openStore();
    expect(store.notices[0]).toMatch(/rebuilt from 1 journals \(sessions\.0\.created: Invalid input/);
    expect(store.findByName('alpha')).toBe('s1');
  });

  it('the journal wins when the catalog disagrees about a name', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1, 'beta');
    await store.close();
    const data: unknown = JSON.parse(fs.readFileSync(catalogFile, 'utf8'));
    fs.writeFileSync(catalogFile, JSON.stringify(data).replace('"name":"beta"', '"name":"stale"'));
    store = openStore();
    expect(store.findByName('stale')).toBeUndefined();
    expect(store.findByName('beta')).toBe('s1');
  });

  it('summaries and the overall budget survive a restart', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1);
    const summary: SessionSummary = {
      id: 's1', name: 'alpha', model: undefined, created: 1, updated: 50, turns: 3,
      inputTokens: 100, outputTokens: 20, costUsd: 0.25, unknownCosts: 0, budget: { usd: 1 },
    };
    store.updateSummary(summary);
    store.setOverallBudget({ tokens: 5000 });
    store = await reopen(store);
    expect(store.list()).toEqual([summary]);
    expect(store.overallBudget()).toEqual({ tokens: 5000 });
  });

  it('catalog writes are coalesced: a burst of updates costs at most two whole-file writes', async () => {
    const store = openStore();
    createSession(store, 's1', 'alpha', 1);
    await store.flush();
    const writes = vi.spyOn(Low.prototype, 'write');
    for (let turn = 1; turn <= 100; turn += 1) {
      store.updateSummary({ id: 's1', name: 'alpha', model: 'm', created: 1, updated: turn, turns: turn, inputTokens: 0, outputTokens: 0, costUsd: null, unknownCosts: 0, budget: {} });
    }
    await store.flush();
    expect(writes.mock.calls.length).toBeLessThanOrEqual(2);
    expect(JSON.parse(fs.readFileSync(catalogFile, 'utf8'))).toMatchObject({ sessions: [{ turns: 100 }] });
  });

  it('a journal missing from the catalog is added, and a row whose journal is gone is dropped', async () => {
    let store = openStore();
    createSession(store, 's1', 'alpha', 1);
    createSession(store, 's2', 'beta', 2);
    await store.close();
    fs.rmSync(path.join(dir, 'journals', 's2.jsonl'));
    const catalog = fs.readFileSync(catalogFile, 'utf8');
    store = openStore();
    createSession(store, 's3', 'gamma', 3);
    await store.close();
    fs.writeFileSync(catalogFile, catalog); // an old catalog that never heard of s3
    store = openStore();
    expect(store.list().map((row) => row.id)).toEqual(['s1', 's3']);
    expect(store.findByName('gamma')).toBe('s3');
  });
});
