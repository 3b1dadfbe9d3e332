// A crash at any moment leaves every journal loadable, losing at most the record in flight
// (DESIGN.md §7): child processes append in a loop and are killed with SIGKILL at random.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src/adapters/store/file-session-store.js';
import { makeTempDir, removeTempDir } from './store-test-kit.js';

const fixture = path.join(import.meta.dirname, '..', '..', 'fixtures', 'journal-append-child.ts');
const lanes = 5;
const killsPerLane = 10;
const sessionId = 'crash-session';

let root: string;
let childScript: string;

beforeAll(() => {
  root = makeTempDir('agentmux-crash-');
  // The fixture is bundled once and run with plain node: under tsx every child would spend
  // seconds compiling before its first append, and 50 of them would take minutes.
  childScript = path.join(root, 'journal-append-child.mjs');
  buildSync({ entryPoints: [fixture], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'warning' });
});

afterAll(() => {
  removeTempDir(root);
});

/** Runs one child, kills it 0–40 ms after it starts appending, and returns the ids it printed. */
function runAndKill(storeDir: string, tag: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, storeDir, sessionId, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const startTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (killTimer === undefined && stdout.startsWith('ready\n')) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (_code, signal) => {
      clearTimeout(startTimer);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        reject(new Error(`child ${tag} ended without being killed mid-run: ${signal ?? 'exit'} ${stderr}`));
        return;
      }
      resolve(stdout.split('\n').filter((line) => line !== '' && line !== 'ready'));
    });
  });
}

/** One store, one session, `killsPerLane` children in a row; checks the journal after each. */
async function runLane(lane: number): Promise<{ printed: number; notices: string[] }> {
  const storeDir = path.join(root, `lane-${lane}`);
  const printed: string[] = [];
  const notices: string[] = [];
  for (let kill = 0; kill < killsPerLane; kill += 1) {
    const tag = `l${lane}k${kill}`;
    const acknowledged = await runAndKill(storeDir, tag);
    printed.push(...acknowledged);
    // The dead child's lock is taken over at once.
    const opened = FileSessionStore.open(storeDir);
    if (!opened.ok) throw new Error(opened.error);
    const loaded = opened.value.load(sessionId);
    await opened.value.close();
    if (!loaded.ok) throw new Error(loaded.error.message);
    notices.push(...loaded.value.notices);
    const present = loaded.value.records.flatMap((record) => (record.t === 'entry' ? [record.entry.id] : []));
    expect(present.filter((id) => !printed.includes(id)).length, `lost or extra records after ${tag}`).toBeLessThanOrEqual(1);
    const presentSet = new Set(present);
    expect(printed.filter((id) => !presentSet.has(id)), `acknowledged records missing after ${tag}`).toEqual([]);
    // Whatever survived of the record in flight, the next child continues after it.
    printed.push(...present.filter((id) => !printed.includes(id)));
  }
  return { printed: printed.length, notices };
}

describe('crash safety', () => {
  it('50 children killed with SIGKILL mid-append: every journal loads and every acknowledged record is there', async () => {
    const results = await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane)));
    const total = results.reduce((sum, result) => sum + result.printed, 0);
    // Every kill landed while records were being appended, not before the first one.
    expect(total).toBeGreaterThan(lanes * killsPerLane);
    for (const notice of results.flatMap((result) => result.notices)) expect(notice).toMatch(/repaired a torn last line|added the missing newline/);
  }, 180_000);
});
