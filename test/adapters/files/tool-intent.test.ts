// Tool intents on real files (issue 9 item 6): write_file and bash journal what they may change
// before they run (and do not run when that cannot be journaled), and `recover` works out what
// a call cut short by a crash changed since its intent.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileCheckpoints } from '../../../src/adapters/files/checkpoint-tool-host.js';
import { BlobStore } from '../../../src/adapters/store/blob-store.js';
import { createWorkspaceToolHost } from '../../../src/adapters/tools/full-tool-host.js';
import { err, ok, type Result } from '../../../src/core/result.js';
import { CRASHED_CALL_TEXT, type ToolIntent } from '../../../src/core/tool-intent.js';
import type { ToolHost } from '../../../src/core/tools.js';

let dir: string;
let workspace: string;
let blobs: BlobStore;
let host: ToolHost;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentmux-intent-'));
  workspace = join(dir, 'ws');
  mkdirSync(workspace);
  blobs = new BlobStore(join(dir, 'blobs'));
  host = withFileCheckpoints(createWorkspaceToolHost({ write: true }), { blobs });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(record: (intent: ToolIntent) => Result<void>): Parameters<ToolHost['run']>[1] {
  return { cwd: workspace, signal: new AbortController().signal, recordIntent: record };
}

describe('tool intents', () => {
  it('write_file journals the file and its version before it writes', async () => {
    writeFileSync(join(workspace, 'a.txt'), 'old\n');
    const intents: ToolIntent[] = [];
    const seenOnDisk: string[] = [];
    const outcome = await host.run(
      { id: 't1', name: 'write_file', input: { path: 'a.txt', content: 'new\n' } },
      context((intent) => {
        intents.push(intent);
        seenOnDisk.push(readFileSync(join(workspace, 'a.txt'), 'utf8'));
        return ok(undefined);
      }),
    );
    expect(outcome.isError).toBe(false);
    expect(seenOnDisk).toEqual(['old\n']);
    expect(intents).toHaveLength(1);
    const intent = intents[0];
    expect(intent?.kind).toBe('file');
    if (intent?.kind !== 'file') return;
    expect(intent.path).toBe('a.txt');
    expect(intent.before?.size).toBe(4);
  });

  it('a call whose intent cannot be journaled does not run', async () => {
    const refused = (): Result<void> => err('ENOSPC: no space left on device');
    const wrote = await host.run({ id: 't1', name: 'write_file', input: { path: 'a.txt', content: 'x' } }, context(refused));
    expect(wrote.isError).toBe(true);
    expect(wrote.content).toContain('cannot record a checkpoint: disk full');
    expect(existsSync(join(workspace, 'a.txt'))).toBe(false);
    const ran = await host.run({ id: 't2', name: 'bash', input: { command: 'echo hi > b.txt' } }, context(refused));
    expect(ran.isError).toBe(true);
    expect(ran.content).toContain('bash was not run');
    expect(existsSync(join(workspace, 'b.txt'))).toBe(false);
  });

  it('recovers what a bash call changed after its intent: changed, created and deleted files', async () => {
    writeFileSync(join(workspace, 'keep.txt'), 'same\n');
    writeFileSync(join(workspace, 'f.txt'), 'v1\n');
    writeFileSync(join(workspace, 'gone.txt'), 'bye\n');
    const intents: ToolIntent[] = [];
    // The call itself changes nothing; the "crash" happens after it, as the files change below.
    await host.run({ id: 't1', name: 'bash', input: { command: 'true' } }, context((intent) => (intents.push(intent), ok(undefined))));
    const intent = intents[0];
    if (intent === undefined) throw new Error('no intent journaled');
    writeFileSync(join(workspace, 'f.txt'), 'v2\n');
    writeFileSync(join(workspace, 'g.txt'), 'new\n');
    rmSync(join(workspace, 'gone.txt'));
    const recovered = await host.recover?.('bash', intent, workspace);
    expect(recovered?.content).toContain(CRASHED_CALL_TEXT);
    expect(recovered?.content).toContain('3 files changed since it started: recorded');
    expect(recovered?.files?.map((change) => change.path)).toEqual(['f.txt', 'g.txt', 'gone.txt']);
  });

  it('recovers a write_file cut short, and says nothing changed when nothing did', async () => {
    const intent: ToolIntent = { kind: 'file', path: 'a.txt', before: null };
    const untouched = await host.recover?.('write_file', intent, workspace);
    expect(untouched?.files).toBeUndefined();
    writeFileSync(join(workspace, 'a.txt'), 'half');
    const written = await host.recover?.('write_file', intent, workspace);
    expect(written?.files?.[0]?.before).toBeNull();
    expect(written?.files?.[0]?.after?.size).toBe(4);
  });

  it('a damaged baseline blob is said, never diffed against', async () => {
    const recovered = await host.recover?.('bash', { kind: 'workspace', baseline: 'a'.repeat(64) }, workspace);
    expect(recovered?.content).toContain('its changes were not recorded');
    expect(recovered?.files).toBeUndefined();
  });
});
