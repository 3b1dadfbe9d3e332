// Tool calls in flight at a crash (issue 9 item 6, report finding 8): a `bash` call SIGKILLed
// part way has its intent journaled, so the next start records what it changed (a file changed,
// one created) on a result that says it was interrupted by a crash, and `rewind` puts both back.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import { dispatch } from '../../src/core/dispatch.js';
import { CRASHED_CALL_TEXT } from '../../src/core/tool-intent.js';
import { startHarness, until, type Harness } from './harness.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'tool-crash-child.ts');
let bundleDir: string;
let childScript: string;
let harness: Harness | undefined;

beforeAll(() => {
  // Inside the repository, so the bundle finds node-pty (native, never bundled) in node_modules.
  const cache = path.join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  bundleDir = mkdtempSync(path.join(cache, 'agentmux-toolcrash-'));
  childScript = path.join(bundleDir, 'tool-crash-child.mjs');
  buildSync({ entryPoints: [fixture], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'warning', external: ['node-pty'] });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Runs the child until its bash call has changed the files, then SIGKILLs its whole process group. */
function runAndKill(dir: string, workspace: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, workspace], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, cwd: path.join(import.meta.dirname, '..', '..') });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('changed') && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited without being killed: ${stderr}`));
    });
  });
}

describe('a tool call in flight at a crash', () => {
  it('is answered at the next start with its changes recorded, and rewind undoes them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'agentmux-toolcrash-store-'));
    const workspace = mkdtempSync(path.join(tmpdir(), 'agentmux-toolcrash-ws-'));
    try {
      await runAndKill(dir, workspace);
      expect(readFileSync(path.join(workspace, 'f.txt'), 'utf8')).toBe('v2\n');
      const checkpoints = fileCheckpointsFor(dir);
      const h = (harness = await startHarness([], {
        dir,
        workspace,
        tools: checkpoints.wrap(createWorkspaceToolHost({ write: true, masked: [dir] })),
        files: checkpoints.files,
        approval: { approve: 'auto', allow: [] },
      }));
      const alpha = h.agent('alpha');
      const last = (): string | undefined => {
        const item = alpha.session?.view().items.at(-1);
        return item?.kind === 'message' && item.entry.kind === 'tool-result' && item.entry.toolName === 'bash' ? item.entry.content : undefined;
      };
      await until(() => last() !== undefined && alpha.phase.kind !== 'running', 'the crashed bash call to be answered', 15_000);
      expect(last()).toContain(CRASHED_CALL_TEXT);
      expect(last()).toContain('2 files changed since it started: recorded');
      const item = alpha.session?.view().items.at(-1);
      const files = item?.kind === 'message' && item.entry.kind === 'tool-result' ? item.entry.files : undefined;
      expect(files?.map((change) => [change.path, change.before === null, change.after === null])).toEqual([
        ['f.txt', false, false],
        ['g.txt', true, false],
      ]);
      // No model call at the restart: the answer is the recovery's, the turn waits for `retry`.
      expect(h.model.requests).toHaveLength(0);
      expect(alpha.detail).toContain('interrupted by a crash');
      // Rewinding the turn puts f.txt back to its state before the turn (absent) and removes g.txt.
      const rewound = dispatch(h.controller, 'rewind -t alpha 0');
      expect(rewound.kind).toBe('ok');
      await until(() => !existsSync(path.join(workspace, 'g.txt')), 'g.txt to be removed by the rewind');
      expect(existsSync(path.join(workspace, 'f.txt'))).toBe(false);
    } finally {
      // The harness writes to the store until it is closed: close it before removing the store.
      await harness?.close();
      harness = undefined;
      rmSync(dir, { recursive: true, force: true });
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
