// What a power loss right after a session is created can leave (journal-writer.ts: the header's
// fdatasync and the directory's fsync run on the thread pool): a journal that is empty or missing
// while the catalog lists the session. Either is a load problem naming the file, never a throw,
// and the store's other sessions still load.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';

let dir = '';
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

function openStore(): FileSessionStore {
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

const journalFile = (id: string): string => path.join(dir, 'journals', `${id}.jsonl`);

/** Two sessions, `kept` with one entry and `lost` just created; then the store is closed. */
async function twoSessions(): Promise<void> {
  const store = openStore();
  const kept = store.create(header('kept', 'alpha'));
  if (!kept.ok) throw new Error(kept.error);
  expect(kept.value.append({ t: 'entry', entry: userEntry('e1', null, 'still here') }).ok).toBe(true);
  const lost = store.create(header('lost', 'beta'));
  if (!lost.ok) throw new Error(lost.error);
  await store.close();
}

describe('a power loss right after a session was created', () => {
  it('leaves an empty journal: loading it is a problem naming the file; the other session loads', async () => {
    await twoSessions();
    fs.truncateSync(journalFile('lost'), 0);
    const store = openStore();
    try {
      const lost = store.load('lost');
      expect(lost.ok).toBe(false);
      if (!lost.ok) expect(lost.error.message).toContain(journalFile('lost'));
      const kept = store.load('kept');
      expect(kept.ok).toBe(true);
      expect(JSON.stringify(kept.ok ? kept.value : undefined)).toContain('still here');
    } finally {
      await store.close();
    }
  });

  it('leaves no journal at all: loading it is a problem naming the file; the other session loads', async () => {
    await twoSessions();
    fs.rmSync(journalFile('lost'));
    const store = openStore();
    try {
      const lost = store.load('lost');
      expect(lost.ok).toBe(false);
      if (!lost.ok) expect(lost.error.message).toContain(journalFile('lost'));
      expect(store.load('kept').ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
