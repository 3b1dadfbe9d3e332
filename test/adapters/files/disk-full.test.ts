// A full disk refuses write_file and edit_file before they touch the file (issue 9 item 6):
// with no before-version in the store, rewind could never undo the change, and the person's
// own edit would be gone. Proved with an ENOSPC injected at the blob-store port, and, where
// this process may mount one (root), on a real 2 MiB tmpfs filled to the last byte.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileCheckpoints } from '../../../src/adapters/files/checkpoint-tool-host.js';
import type { FileBlobs } from '../../../src/adapters/files/workspace-files.js';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import { err } from '../../../src/core/result.js';
import type { ToolOutcome } from '../../../src/core/tools.js';

let dir: string;
let workspace: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-full-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'c.txt'), 'precious user edit\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(blobs: FileBlobs, name: string, input: Record<string, unknown>): Promise<ToolOutcome> {
  const host = withFileCheckpoints(createWorkspaceToolHost({ write: true }), { blobs });
  return host.run({ id: 't1', name, input }, { cwd: workspace, signal: new AbortController().signal });
}

const enospc = 'blobs/ab/cd: ENOSPC: no space left on device, write';

function fullStore(): FileBlobs {
  const real = new BlobStore(join(dir, 'blobs'));
  return { putBytes: () => err(enospc), getBytes: (hash) => real.getBytes(hash) };
}

describe('a store that cannot keep the before-version', () => {
  it('write_file is refused with "cannot record a checkpoint: disk full" and the file is unchanged', async () => {
    const outcome = await run(fullStore(), 'write_file', { path: 'c.txt', content: 'v3\n' });
    expect(outcome).toEqual({
      isError: true,
      content: `cannot record a checkpoint: disk full; write_file was not run and c.txt is unchanged (${enospc})`,
    });
    expect(readFileSync(join(workspace, 'c.txt'), 'utf8')).toBe('precious user edit\n');
  });

  it('edit_file is refused the same way', async () => {
    const outcome = await run(fullStore(), 'edit_file', { path: 'c.txt', old: 'precious', new: 'lost' });
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(/^cannot record a checkpoint: disk full; edit_file was not run/);
    expect(readFileSync(join(workspace, 'c.txt'), 'utf8')).toBe('precious user edit\n');
  });
});

function mountTmpfs(at: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a real full tmpfs under the store', () => {
  it('write_file is refused and the person\'s edit survives (skipped where tmpfs cannot be mounted)', async (context) => {
    const store = join(dir, 'store');
    mkdirSync(store);
    if (!mountTmpfs(store)) {
      context.skip();
      return;
    }
    try {
      try {
        // Fill it: 4 KiB at a time until the disk says no.
        for (let index = 0; ; index += 1) writeFileSync(join(store, `filler-${index}`), Buffer.alloc(4096, 1));
      } catch {
        // full
      }
      const outcome = await run(new BlobStore(join(store, 'blobs')), 'write_file', { path: 'c.txt', content: 'v3\n' });
      expect(outcome.isError).toBe(true);
      expect(outcome.content).toMatch(/^cannot record a checkpoint: disk full; write_file was not run/);
      expect(readFileSync(join(workspace, 'c.txt'), 'utf8')).toBe('precious user edit\n');
    } finally {
      execFileSync('umount', [store]);
    }
  });
});
