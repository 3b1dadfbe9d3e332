// Bash checkpoints record files whose names are not UTF-8 (a byte 0xff in the name) and rewind
// puts them back under the same bytes: the journal keeps the name as text (surrogateescape), and
// every file-system call turns it back into the name's bytes (issue 9, lower-severity finding).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameText, pathBytes } from '../../../src/adapters/files/byte-path.js';
import { withFileCheckpoints } from '../../../src/adapters/files/checkpoint-tool-host.js';
import { BlobWorkspaceFiles } from '../../../src/adapters/files/workspace-files.js';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import type { FileChange } from '../../../src/core/entry.js';

const BAD_NAME = Buffer.concat([Buffer.from('c'), Buffer.from([0xff]), Buffer.from('bad.txt')]);

let dir: string;
let workspace: string;
let blobs: BlobStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-bytes-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  blobs = new BlobStore(join(dir, 'blobs'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function bash(command: string): Promise<readonly FileChange[]> {
  const host = withFileCheckpoints(createWorkspaceToolHost({ write: true }), { blobs });
  const outcome = await host.run({ id: 't1', name: 'bash', input: { command } }, { cwd: workspace, signal: new AbortController().signal });
  expect(outcome.isError).toBe(false);
  return outcome.files ?? [];
}

/** The names in the workspace as bytes. */
function names(): Buffer[] {
  return readdirSync(workspace, { encoding: 'buffer' });
}

describe('file names that are not UTF-8', () => {
  it('reads a name as text and back into the same bytes', () => {
    for (const bytes of [BAD_NAME, Buffer.from('plain.txt'), Buffer.from('ünï 🦊.txt'), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98])]) {
      expect(pathBytes(nameText(bytes)).equals(bytes)).toBe(true);
    }
    expect(nameText(Buffer.from('ünï 🦊.txt'))).toBe('ünï 🦊.txt');
  });

  it('records a file bash creates under a 0xff name, and rewind deletes and restores it under the same bytes', async () => {
    const changes = await bash(`printf 'made by bash' > "$(printf 'c\\377bad.txt')"`);
    expect(names().some((name) => name.equals(BAD_NAME))).toBe(true);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    if (change === undefined || change.after === null) throw new Error('no change recorded');
    // The change survives the journal's JSON, name included.
    const journaled: unknown = JSON.parse(JSON.stringify(change));
    expect(journaled).toEqual(change);
    expect(pathBytes(change.path).equals(BAD_NAME)).toBe(true);
    expect(change.before).toBeNull();

    const files = new BlobWorkspaceFiles(blobs);
    const current = files.current(workspace, change.path);
    expect(current.ok && current.value?.sha256).toBe(change.after.sha256);
    expect(files.restore(workspace, change.path, null)).toEqual({ ok: true, value: undefined });
    expect(names()).toEqual([]);
    expect(files.restore(workspace, change.path, change.after)).toEqual({ ok: true, value: undefined });
    expect(names()).toEqual([BAD_NAME]);
    expect(readFileSync(Buffer.concat([Buffer.from(`${workspace}/`), BAD_NAME]), 'utf8')).toBe('made by bash');
    expect(existsSync(join(workspace, 'c\ufffdbad.txt'))).toBe(false);
  });

  it('records an edit and a deletion of a 0xff name', async () => {
    await bash(`printf one > "$(printf 'c\\377bad.txt')"`);
    const edited = await bash(`printf two > "$(printf 'c\\377bad.txt')"`);
    expect(edited.map((change) => pathBytes(change.path).equals(BAD_NAME))).toEqual([true]);
    expect(edited[0]?.before).not.toBeNull();
    const deleted = await bash(`rm "$(printf 'c\\377bad.txt')"`);
    expect(deleted.map((change) => [pathBytes(change.path).equals(BAD_NAME), change.after])).toEqual([[true, null]]);
  });
});
