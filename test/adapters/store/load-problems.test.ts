// Storage problems are reported, never thrown and never lost (DESIGN.md §3): a corrupt journal
// met while rebuilding the catalog, a journal too large to load, a close that fails.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { MAX_JOURNAL_BYTES } from '../../../src/adapters/store/journal-reader.js';
import { FileJournalWriter, nodeJournalFileOps } from '../../../src/adapters/store/journal-writer.js';
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

async function closeStore(store: FileSessionStore): Promise<void> {
  open.splice(open.indexOf(store), 1);
  await store.close();
}

const journalFile = (id: string): string => path.join(dir, 'journals', `${id}.jsonl`);
const quarantined = (): string[] =>
  fs.existsSync(path.join(dir, 'quarantine')) ? fs.readdirSync(path.join(dir, 'quarantine')).filter((name) => !name.startsWith('catalog-')) : [];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A store holding session `id` named `name` with one entry, then its catalog lost and line 1 replaced. */
async function journalWithHeader(id: string, name: string, headerLine: string): Promise<Buffer> {
  const store = openStore();
  const writer = store.create(header(id, name));
  if (!writer.ok) throw new Error(writer.error);
  expect(writer.value.append({ t: 'entry', entry: userEntry('e1', null, 'keep me') }).ok).toBe(true);
  await closeStore(store);
  fs.rmSync(path.join(dir, 'catalog.json'));
  const rest = fs.readFileSync(journalFile(id), 'utf8').split('\n').slice(1).join('\n');
  fs.writeFileSync(journalFile(id), `${headerLine}\n${rest}`);
  return fs.readFileSync(journalFile(id));
}

describe('rebuilding the catalog past a journal whose header is corrupt', () => {
  it('reports PATH:1: problem (copy kept at PATH2), keeps an identical copy, and leaves the journal untouched', async () => {
    const before = await journalWithHeader('s1', 'alpha', '{"t":"session","v":1,"id":"s1",');
    const store = openStore();
    const notice = store.notices.find((line) => line.startsWith(journalFile('s1')));
    const match = new RegExp(`^${escape(journalFile('s1'))}:1: invalid JSON \\((.+)\\) \\(copy kept at (.+)\\)$`).exec(notice ?? '');
    expect(match, notice).not.toBeNull();
    const copy = match?.[2] ?? '';
    expect(path.dirname(copy)).toBe(path.join(dir, 'quarantine'));
    expect(fs.readFileSync(copy)).toEqual(before);
    expect(fs.readFileSync(journalFile('s1'))).toEqual(before);
    // A new session under that name gets its own journal; the corrupt one is still as it was.
    expect(store.findByName('alpha')).toBeUndefined();
    expect(store.create(header('s2', 'alpha')).ok).toBe(true);
    expect(fs.readFileSync(journalFile('s1'))).toEqual(before);
  });

  it('finds a journal whose header still names its agent, so loading it reports the problem instead of starting afresh', async () => {
    const before = await journalWithHeader('s1', 'alpha', '{"t":"session","v":1,"id":"s1","name":"alpha"}');
    const store = openStore();
    const notice = store.notices.find((line) => line.startsWith(journalFile('s1')));
    expect(notice).toMatch(new RegExp(`^${escape(journalFile('s1'))}:1: created: Invalid input: expected number, received undefined \\(copy kept at .+\\)$`));
    expect(store.findByName('alpha')).toBe('s1');
    const loaded = store.load('s1');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toBe(notice);
    expect(quarantined()).toHaveLength(1);
    expect(fs.readFileSync(journalFile('s1'))).toEqual(before);
  });

  it('does not add another copy at each start while the journal stays the same', async () => {
    await journalWithHeader('s1', 'alpha', 'not json');
    await closeStore(openStore());
    const again = openStore();
    expect(again.notices.some((line) => line.startsWith(`${journalFile('s1')}:1: invalid JSON`))).toBe(true);
    expect(quarantined()).toHaveLength(1);
  });
});

describe('reportCorrupt', () => {
  it('keeps a copy of the journal and names its line in the load-problem form', () => {
    const store = openStore();
    expect(store.create(header('s1', 'alpha')).ok).toBe(true);
    const message = store.reportCorrupt('s1', 2, 'entry e9: unknown parent e8');
    const match = new RegExp(`^${escape(journalFile('s1'))}:2: entry e9: unknown parent e8 \\(copy kept at (.+)\\)$`).exec(message);
    expect(match, message).not.toBeNull();
    expect(fs.readFileSync(match?.[1] ?? '')).toEqual(fs.readFileSync(journalFile('s1')));
  });
});

describe('loading a journal too large for one string', () => {
  it('is a load problem, not a throw, and nothing is read or changed', () => {
    const store = openStore();
    expect(store.create(header('big', 'alpha')).ok).toBe(true);
    // Sparse: the file claims the size without the disk or memory to back it.
    fs.truncateSync(journalFile('big'), MAX_JOURNAL_BYTES + 1);
    const loaded = store.load('big');
    expect(loaded).toEqual({
      ok: false,
      error: {
        path: journalFile('big'),
        message: `${journalFile('big')}: too large to load (${MAX_JOURNAL_BYTES + 1} bytes; at most ${MAX_JOURNAL_BYTES})`,
      },
    });
    expect(fs.statSync(journalFile('big')).size).toBe(MAX_JOURNAL_BYTES + 1);
  });
});

describe('closing a journal writer', () => {
  it('never throws when the close itself fails, and later appends say the journal is closed', () => {
    const store = openStore();
    const created = store.create(header('s1', 'alpha'));
    if (!created.ok) throw new Error(created.error);
    created.value.close();
    let closes = 0;
    const opened = FileJournalWriter.open(journalFile('s1'), new BlobStore(path.join(dir, 'blobs')), {
      ...nodeJournalFileOps,
      close: (fd) => {
        closes += 1;
        nodeJournalFileOps.close(fd);
        throw new Error('EIO: i/o error, close');
      },
    });
    if (!opened.ok) throw new Error(opened.error);
    expect(() => opened.value.close()).not.toThrow();
    expect(closes).toBe(1);
    expect(opened.value.append({ t: 'entry', entry: userEntry('e1', null, 'late') })).toEqual({
      ok: false,
      error: `${journalFile('s1')}: journal is closed`,
    });
  });
});
