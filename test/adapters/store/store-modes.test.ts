// Store files are owner-only whatever the umask (DESIGN.md §5): under umask 000, in a store
// directory that already exists, every file the store writes is 0600 and every directory it
// creates 0700: journals, blobs, the catalog, the lock, trash, composer.json, a run's holds.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { composerFilePath, writeComposerFile } from '../../../src/adapters/store/composer-file.js';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { readJsonFile, writeJsonFile } from '../../../src/adapters/store/json-file.js';
import { acquireStoreLock } from '../../../src/adapters/store/store-lock.js';
import { writeRunHolds } from '../../../src/adapters/workflow/run-holds-file.js';
import { header, makeTempDir, removeTempDir, userEntry } from './store-test-kit.js';
import * as z from 'zod';

const dirs: string[] = [];
let previousMask: number | undefined;
afterEach(() => {
  if (previousMask !== undefined) process.umask(previousMask);
  previousMask = undefined;
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

// Every path under DIR (DIR itself left out: it existed before the store), with its permission bits.
function modesUnder(dir: string): Map<string, string> {
  const modes = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of fs.readdirSync(folder)) {
      const full = path.join(folder, name);
      const stat = fs.lstatSync(full);
      modes.set(`${path.relative(dir, full)}${stat.isDirectory() ? '/' : ''}`, (stat.mode & 0o777).toString(8));
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return modes;
}

describe('store file modes under umask 000', () => {
  it('journals, blobs, catalog, lock, trash and small JSON files are 0600, created directories 0700', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    previousMask = process.umask(0);
    const lock = acquireStoreLock(dir);
    if (!lock.ok) throw new Error(lock.error);
    const opened = FileSessionStore.openLocked(dir, lock.value);
    if (!opened.ok) throw new Error(opened.error);
    const store = opened.value;
    for (const id of ['s1', 's2']) {
      const writer = store.create(header(id, `agent-${id}`));
      if (!writer.ok) throw new Error(writer.error);
      expect(writer.value.append({ t: 'entry', entry: userEntry(`${id}-e1`, null, 'hello') }).ok).toBe(true);
      writer.value.close();
    }
    expect(store.trash('s2').ok).toBe(true);
    expect(new BlobStore(path.join(dir, 'blobs')).put('a large tool output').ok).toBe(true);
    expect(writeComposerFile(composerFilePath(dir), { version: 1, agents: { a: { history: ['hi'], draft: '' } } }).ok).toBe(true);
    expect(writeRunHolds(dir, 'run-1', ['Verify']).ok).toBe(true);
    await store.flush();
    await store.close();

    const modes = modesUnder(dir);
    expect([...modes.keys()].some((name) => name.endsWith('.jsonl'))).toBe(true);
    expect(modes.get('catalog.json')).toBe('600');
    expect(modes.get('composer.json')).toBe('600');
    const wrong = [...modes].filter(([name, mode]) => mode !== (name.endsWith('/') ? '700' : '600'));
    expect(wrong).toEqual([]);
  });
});

describe('readJsonFile / writeJsonFile', () => {
  const Schema = z.object({ version: z.literal(1), names: z.array(z.string()) });

  it('reads back what was written; a missing file is the given default', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'deeper', 'names.json');
    expect(readJsonFile(file, Schema, { version: 1, names: [] })).toEqual({ ok: true, value: { version: 1, names: [] } });
    expect(writeJsonFile(file, { version: 1, names: ['a'] }).ok).toBe(true);
    expect(readJsonFile(file, Schema, { version: 1, names: [] })).toEqual({ ok: true, value: { version: 1, names: ['a'] } });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['names.json']);
  });

  it('names the file and the field of a broken file, and says invalid JSON for text that is not JSON', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'names.json');
    fs.writeFileSync(file, '{"version":1,"names":[3]}');
    expect(readJsonFile(file, Schema, { version: 1, names: [] })).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^${file}: names\\.0: `)) });
    fs.writeFileSync(file, '{not json');
    expect(readJsonFile(file, Schema, { version: 1, names: [] })).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^${file}: invalid JSON`)) });
  });
});
