// The journal's fdatasync runs off the event loop: append returns after the write, one sync
// follows (coalescing appends made meanwhile), a failed sync is reported, close syncs what is not synced yet.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createJournal, FileJournalWriter, nodeJournalFileOps, type JournalFileOps } from '../../../src/adapters/store/journal-writer.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';

let dir = '';
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

type Recorded = { ops: JournalFileOps; syncCalls: string[]; finish: (error: Error | null) => void };

/** Real file ops whose background syncs wait until the test finishes them. */
function recordingOps(): Recorded {
  const syncCalls: string[] = [];
  const pending: ((error: Error | null) => void)[] = [];
  const ops: JournalFileOps = {
    ...nodeJournalFileOps,
    fdatasync: (fd) => {
      syncCalls.push('sync');
      nodeJournalFileOps.fdatasync(fd);
    },
    fdatasyncAsync: (fd, done) => {
      syncCalls.push('async');
      pending.push(done);
    },
  };
  const finish = (error: Error | null): void => {
    const next = pending.shift();
    if (next === undefined) throw new Error('no sync in flight');
    next(error);
  };
  return { ops, syncCalls, finish };
}

function openWriter(ops: JournalFileOps): FileJournalWriter {
  const blobs = new BlobStore(path.join(dir, 'blobs'));
  const file = path.join(dir, 's1.jsonl');
  const created = createJournal(file, header('s1', 'alpha'), blobs);
  if (!created.ok) throw new Error(created.error);
  created.value.close();
  const opened = FileJournalWriter.open(file, blobs, ops);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

describe('journal sync off the event loop', () => {
  it('writes the line before append returns and syncs it in the background, one sync for a burst', async () => {
    const { ops, syncCalls, finish } = recordingOps();
    const writer = openWriter(ops);
    expect(writer.append({ t: 'entry', entry: userEntry('e1', null, 'one') }).ok).toBe(true);
    expect(fs.readFileSync(writer.path, 'utf8')).toContain('"one"');
    expect(writer.append({ t: 'entry', entry: userEntry('e2', 'e1', 'two') }).ok).toBe(true);
    expect(writer.append({ t: 'entry', entry: userEntry('e3', 'e2', 'three') }).ok).toBe(true);
    // One sync in flight; the two appends made meanwhile ask for exactly one more.
    expect(syncCalls).toEqual(['async']);
    let synced = false;
    const done = writer.synced().then(() => {
      synced = true;
    });
    finish(null);
    expect(syncCalls).toEqual(['async', 'async']);
    await Promise.resolve();
    expect(synced).toBe(false);
    finish(null);
    await done;
    expect(synced).toBe(true);
    writer.close();
  });

  it('reports a failed sync on the next append', () => {
    const { ops, finish } = recordingOps();
    const writer = openWriter(ops);
    expect(writer.append({ t: 'entry', entry: userEntry('e1', null, 'one') }).ok).toBe(true);
    finish(new Error('EIO: i/o error, fdatasync'));
    expect(writer.append({ t: 'entry', entry: userEntry('e2', 'e1', 'two') })).toEqual({
      ok: false,
      error: `${writer.path}: an earlier sync failed (EIO: i/o error, fdatasync)`,
    });
    writer.close();
  });

  it('syncs on close, even with a background sync still in flight', () => {
    const { ops, syncCalls } = recordingOps();
    const writer = openWriter(ops);
    expect(writer.append({ t: 'entry', entry: userEntry('e1', null, 'one') }).ok).toBe(true);
    writer.close();
    expect(syncCalls).toEqual(['async', 'sync']);
  });

  it('closes without another sync once every line is synced (no fdatasync stalls the event loop)', async () => {
    const { ops, syncCalls, finish } = recordingOps();
    const writer = openWriter(ops);
    expect(writer.append({ t: 'entry', entry: userEntry('e1', null, 'one') }).ok).toBe(true);
    finish(null);
    await writer.synced();
    writer.close();
    expect(syncCalls).toEqual(['async']);
    expect(writer.append({ t: 'entry', entry: userEntry('e2', 'e1', 'two') }).ok).toBe(false);
  });

  it('creates a journal whole with its header and syncs the header on the thread pool, not on the event loop', async () => {
    const { ops, syncCalls, finish } = recordingOps();
    const blobs = new BlobStore(path.join(dir, 'blobs'));
    const created = createJournal(path.join(dir, 's2.jsonl'), header('s2', 'beta'), blobs, ops);
    if (!created.ok) throw new Error(created.error);
    expect(fs.readFileSync(created.value.path, 'utf8')).toContain('"beta"');
    expect(syncCalls).toEqual(['async']);
    let synced = false;
    const done = created.value.synced().then(() => {
      synced = true;
    });
    await Promise.resolve();
    expect(synced).toBe(false);
    finish(null);
    await done;
    created.value.close();
    expect(syncCalls).toEqual(['async']);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
