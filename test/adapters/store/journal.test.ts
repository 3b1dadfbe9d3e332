import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { missingBlobText } from '../../../src/adapters/store/journal-line.js';
import { FileJournalWriter, nodeJournalFileOps, type JournalFileOps } from '../../../src/adapters/store/journal-writer.js';
import type { Entry } from '../../../src/core/entry.js';
import type { JournalRecord } from '../../../src/core/journal-record.js';
import { everyRecordKind, filesUnder, header, makeTempDir, removeTempDir, toolResult, userEntry } from './store-test-kit.js';

let dir: string;
let store: FileSessionStore;

beforeEach(() => {
  dir = makeTempDir();
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
});

afterEach(async () => {
  await store.close();
  removeTempDir(dir);
});

function journal(id: string): string {
  return path.join(dir, 'journals', `${id}.jsonl`);
}

function write(id: string, records: JournalRecord[]): void {
  const writer = store.create(header(id, `agent-${id}`));
  if (!writer.ok) throw new Error(writer.error);
  for (const record of records) {
    const appended = writer.value.append(record);
    if (!appended.ok) throw new Error(appended.error);
  }
  writer.value.close();
}

function loadOk(id: string): { records: JournalRecord[]; notices: string[] } {
  const loaded = store.load(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

function entries(records: JournalRecord[]): Entry[] {
  return records.flatMap((record) => (record.t === 'entry' ? [record.entry] : []));
}

describe('journal round trip', () => {
  it('every record type reads back exactly as written, header first', () => {
    write('s1', everyRecordKind());
    const loaded = store.load('s1');
    expect(loaded).toEqual({ ok: true, value: { header: header('s1', 'agent-s1'), records: [header('s1', 'agent-s1'), ...everyRecordKind()], notices: [] } });
    expect(fs.readFileSync(journal('s1'), 'utf8').split('\n')).toHaveLength(everyRecordKind().length + 2);
  });

  it('appending the header that create already wrote is a no-op, a different header is refused', () => {
    const writer = store.create(header('s1', 'alpha'));
    if (!writer.ok) throw new Error(writer.error);
    expect(writer.value.append(header('s1', 'alpha'))).toEqual({ ok: true, value: undefined });
    expect(writer.value.append(header('s1', 'other'))).toEqual({ ok: false, error: `${journal('s1')}: a session header may only be the first record` });
    writer.value.close();
    expect(loadOk('s1').records).toEqual([header('s1', 'alpha')]);
  });

  it('create refuses an existing session id and ids that are not plain file names', () => {
    write('s1', []);
    expect(store.create(header('s1', 'again'))).toEqual({ ok: false, error: `${journal('s1')}: a session with this id already exists` });
    const escaped = store.create(header('../evil', 'x'));
    expect(escaped.ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'evil.jsonl'))).toBe(false);
  });

  it('a record that fails the schema is refused and nothing is written', () => {
    write('s1', []);
    const writer = store.openWriter('s1');
    if (!writer.ok) throw new Error(writer.error);
    const before = fs.statSync(journal('s1')).size;
    const bad = { t: 'rename', name: '' } as const;
    const appended = writer.value.append(bad);
    expect(appended.ok).toBe(false);
    if (!appended.ok) expect(appended.error).toBe(`${journal('s1')}: record does not match the journal schema: name: Too small: expected string to have >=1 characters`);
    expect(fs.statSync(journal('s1')).size).toBe(before);
    writer.value.close();
    expect(writer.value.append({ t: 'undo' })).toEqual({ ok: false, error: `${journal('s1')}: journal is closed` });
  });
});

describe('large payloads go to blobs', () => {
  const big = 'line of a large file\n'.repeat(5000); // ~100 KiB

  it('a 100 KiB tool result keeps the journal line small and loads back whole; identical payloads share one blob', () => {
    write('s1', [{ t: 'entry', entry: toolResult('e1', null, big) }]);
    const blobs = path.join(dir, 'blobs');
    expect(filesUnder(blobs)).toHaveLength(1);
    const [blobName] = filesUnder(blobs);
    if (blobName === undefined) throw new Error('no blob');
    const firstWrite = fs.statSync(path.join(blobs, blobName));

    const writer = store.openWriter('s1');
    if (!writer.ok) throw new Error(writer.error);
    expect(writer.value.append({ t: 'entry', entry: toolResult('e2', 'e1', big) }).ok).toBe(true);
    writer.value.close();

    expect(filesUnder(blobs)).toEqual([blobName]);
    const again = fs.statSync(path.join(blobs, blobName));
    expect([again.ino, again.mtimeMs]).toEqual([firstWrite.ino, firstWrite.mtimeMs]);
    const lines = fs.readFileSync(journal('s1'), 'utf8').trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThan(600);
    expect(blobName).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(entries(loadOk('s1').records).map((entry) => (entry.kind === 'tool-result' ? entry.content : ''))).toEqual([big, big]);
  });

  it('long text blocks and edit replacements are moved too; strings of 8 KiB or less stay inline', () => {
    const textBlock = 'é'.repeat(4097); // 8194 UTF-8 bytes but only 4097 characters
    const atLimit = 'a'.repeat(8192);
    const records: JournalRecord[] = [
      { t: 'entry', entry: userEntry('e1', null, atLimit) },
      {
        t: 'entry',
        entry: {
          kind: 'assistant', id: 'e2', parent: 'e1', at: 2, provenance: { kind: 'local' }, model: 'm',
          blocks: [{ type: 'text', text: textBlock }], stopReason: 'end_turn',
          usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
        },
      },
      { t: 'entry', entry: { kind: 'edit', id: 'e3', parent: 'e2', at: 3, provenance: { kind: 'local' }, target: 'e1', replacement: { kind: 'text', text: big } } },
    ];
    write('s1', records);
    expect(filesUnder(path.join(dir, 'blobs'))).toHaveLength(2);
    expect(fs.readFileSync(journal('s1'), 'utf8')).toContain(atLimit);
    expect(loadOk('s1').records.slice(1)).toEqual(records);
  });

  it('a missing blob breaks only the field it held: the session loads, the blob is named, the rest is intact', () => {
    write('s1', [{ t: 'entry', entry: userEntry('e1', null, 'hi') }, { t: 'entry', entry: toolResult('e2', 'e1', big) }]);
    for (const name of filesUnder(path.join(dir, 'blobs'))) fs.rmSync(path.join(dir, 'blobs', name));
    const hash = createHash('sha256').update(big).digest('hex');
    const loaded = loadOk('s1');
    expect(loaded.notices).toHaveLength(1);
    expect(loaded.notices[0]).toMatch(new RegExp(`^${escape(journal('s1'))}:3: blob ${hash} missing \\(entry\\.content: .*ENOENT`));
    const [first, second] = entries(loaded.records);
    expect(first).toMatchObject({ id: 'e1', text: 'hi' });
    expect(second).toMatchObject({ id: 'e2', content: missingBlobText(hash) });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('damaged journals', () => {
  const three: JournalRecord[] = [
    { t: 'entry', entry: userEntry('e1', null, 'one') },
    { t: 'entry', entry: userEntry('e2', 'e1', 'two') },
    { t: 'entry', entry: userEntry('e3', 'e2', 'three') },
  ];

  it('a torn last line is cut off with a notice, and appends continue after it', () => {
    write('s1', three);
    const whole = fs.statSync(journal('s1')).size;
    fs.appendFileSync(journal('s1'), '{"t":"entry","entry":{"kind":"user","id":"e4","te');
    const loaded = loadOk('s1');
    expect(loaded.notices).toEqual([`${journal('s1')}: repaired a torn last line (49 bytes dropped)`]);
    expect(entries(loaded.records).map((entry) => entry.id)).toEqual(['e1', 'e2', 'e3']);
    expect(fs.statSync(journal('s1')).size).toBe(whole);
    const writer = store.openWriter('s1');
    if (!writer.ok) throw new Error(writer.error);
    expect(writer.value.append({ t: 'entry', entry: userEntry('e4', 'e3', 'four') }).ok).toBe(true);
    writer.value.close();
    const again = loadOk('s1');
    expect(again.notices).toEqual([]);
    expect(entries(again.records).map((entry) => entry.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('a torn tail over 1 MB is copied to the quarantine before it is cut', () => {
    write('s1', three);
    const whole = fs.statSync(journal('s1')).size;
    const tail = Buffer.from(`{"t":"entry","entry":{"kind":"user","text":"${'x'.repeat(2 * 1024 * 1024)}`);
    fs.appendFileSync(journal('s1'), tail);
    const loaded = loadOk('s1');
    const quarantine = path.join(dir, 'quarantine');
    const copies = fs.readdirSync(quarantine).filter((name) => name.startsWith('s1-torn-tail-'));
    expect(copies).toHaveLength(1);
    const copy = path.join(quarantine, copies[0] ?? '');
    expect(fs.readFileSync(copy).equals(tail)).toBe(true);
    expect(loaded.notices).toEqual([
      `${journal('s1')}: repaired a torn last line (${tail.length} bytes dropped; copy kept at ${copy})`,
    ]);
    expect(fs.statSync(journal('s1')).size).toBe(whole);
  });

  it('openWriter refuses a journal whose last line is torn until it is loaded', () => {
    write('s1', three);
    fs.appendFileSync(journal('s1'), '{"t":"ent');
    expect(store.openWriter('s1')).toEqual({ ok: false, error: `${journal('s1')}: last line is incomplete; load the journal to repair it first` });
  });

  it('a corrupt line in the middle is reported with file and line, a copy is kept, and nothing is modified', () => {
    write('s1', three);
    write('s2', three);
    const lines = fs.readFileSync(journal('s1'), 'utf8').split('\n');
    lines[2] = '{"t":"entry", oops';
    const damaged = `${lines.join('\n')}{"t":"torn`;
    fs.writeFileSync(journal('s1'), damaged);

    const loaded = store.load('s1');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const match = /^(.*):3: invalid JSON \((.+)\) \(copy kept at (.+)\)$/.exec(loaded.error.message);
    expect(match?.[1]).toBe(journal('s1'));
    expect(loaded.error.path).toBe(journal('s1'));
    const copy = match?.[3] ?? '';
    expect(path.dirname(copy)).toBe(path.join(dir, 'quarantine'));
    expect(path.basename(copy)).toMatch(/^s1-.+\.jsonl$/);
    expect(fs.readFileSync(copy, 'utf8')).toBe(damaged);
    expect(fs.readFileSync(journal('s1'), 'utf8')).toBe(damaged);
    expect(entries(loadOk('s2').records)).toHaveLength(3);
  });

  it('a line that fails the schema names the field zod rejected', () => {
    write('s1', three);
    const lines = fs.readFileSync(journal('s1'), 'utf8').split('\n');
    lines[2] = lines[2]?.replace('"text":"two"', '"text":2') ?? '';
    fs.writeFileSync(journal('s1'), lines.join('\n'));
    const loaded = store.load('s1');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.message).toMatch(
        new RegExp(`^${escape(journal('s1'))}:3: entry\\.text: Invalid input: expected string, received number \\(copy kept at .+\\)$`),
      );
    }
  });

  it('the first record must be a session header', () => {
    fs.mkdirSync(path.join(dir, 'journals'), { recursive: true });
    fs.writeFileSync(journal('s3'), `${JSON.stringify({ t: 'undo' })}\n`);
    const loaded = store.load('s3');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/s3\.jsonl:1: the first record must be a session header \(copy kept at /);
  });

  it('a missing journal is a problem without a copy', () => {
    expect(store.load('nope')).toEqual({ ok: false, error: { path: journal('nope'), message: `${journal('nope')}: no such journal` } });
  });
});

describe('failed writes', () => {
  it('a write that fails half way (disk full) returns PATH: problem and leaves no half line behind', () => {
    write('s1', [{ t: 'entry', entry: userEntry('e1', null, 'one') }]);
    const before = fs.readFileSync(journal('s1'), 'utf8');
    let diskFull = true;
    let calls = 0;
    const ops: JournalFileOps = {
      ...nodeJournalFileOps,
      write: (fd, bytes, offset, position) => {
        if (!diskFull) return nodeJournalFileOps.write(fd, bytes, offset, position);
        calls += 1;
        if (calls === 1) return fs.writeSync(fd, bytes, offset, Math.floor((bytes.length - offset) / 2), position);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const writer = FileJournalWriter.open(journal('s1'), new BlobStore(path.join(dir, 'blobs')), ops);
    if (!writer.ok) throw new Error(writer.error);
    const failed = writer.value.append({ t: 'entry', entry: userEntry('e2', 'e1', 'two') });
    expect(failed).toEqual({ ok: false, error: `${journal('s1')}: ENOSPC: no space left on device, write` });
    expect(calls).toBe(2);
    expect(fs.readFileSync(journal('s1'), 'utf8')).toBe(before);

    diskFull = false;
    expect(writer.value.append({ t: 'entry', entry: userEntry('e3', 'e1', 'three') }).ok).toBe(true);
    writer.value.close();
    const loaded = loadOk('s1');
    expect(loaded.notices).toEqual([]);
    expect(entries(loaded.records).map((entry) => entry.id)).toEqual(['e1', 'e3']);
  });
});
