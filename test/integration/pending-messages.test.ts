// Nothing accepted is lost (issue 9 item 6, issue 11 item 4): a queued send and a nudge are
// journaled when accepted; after the process is SIGKILLed mid-stream, the next start delivers
// both, and marks them delivered so a third start sends nothing again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, until, withoutCacheMarks, type Harness, openHarness, gate, closeHarnesses } from './harness.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'queued-crash-child.ts');
let bundleDir: string;
let childScript: string;
let harness: Harness | undefined;

beforeAll(() => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'agentmux-queued-'));
  childScript = path.join(bundleDir, 'queued-crash-child.mjs');
  buildSync({ entryPoints: [fixture], bundle: true, platform: 'node', format: 'esm', outfile: childScript, logLevel: 'warning' });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Runs the child until it says its messages were accepted, then SIGKILLs it. */
function runAndKill(dir: string, workspace: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, workspace], { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.join(import.meta.dirname, '..', '..') });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (chunk.includes('accepted')) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited without being killed: ${stderr}`));
    });
  });
}

function userTexts(messages: unknown): string[] {
  const parsed = JSON.stringify(withoutCacheMarks(messages));
  return [...parsed.matchAll(/"text":"([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('accepted messages across a SIGKILL', () => {
  it('a queued send and a nudge accepted before the kill are delivered at the next start, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'agentmux-queued-store-'));
    const workspace = mkdtempSync(path.join(tmpdir(), 'agentmux-queued-ws-'));
    try {
      await runAndKill(dir, workspace);
      // The nudge opens the first turn (nudges go first), the queued send the next one.
      const h = (harness = await startHarness([{ text: 'took the nudge' }, { text: 'took the send' }], { dir }));
      await until(() => h.model.requests.length === 2 && h.agent('alpha').phase.kind !== 'running', 'the restored messages to be answered', 15_000);
      const texts = [...userTexts(h.messages(0)), ...userTexts(h.messages(1))];
      expect(texts).toContain('queued-two');
      expect(texts).toContain('nudge-three');
      expect(h.agent('alpha').session?.pending.size).toBe(0);
      await h.controller.shutdown();
      await h.store.close();
      await h.model.close();
      harness = undefined;
      // A third start has nothing left to deliver.
      const again = (harness = await startHarness([{ text: 'unused' }], { dir }));
      expect(again.agent('alpha').queue.length + again.agent('alpha').nudges.length).toBe(0);
      expect(again.model.requests).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

// Found by a review (formerly review-regressions.test.ts).
afterEach(closeHarnesses);

describe('failures and the queue', () => {
  it('a message queued behind a failed turn is kept and the error says how to go on', async () => {
    const g = gate();
    const h = await openHarness(
      [{ text: 'partial words', hold: { afterDeltas: 1, until: g.promise }, fault: { kind: 'error-event', afterDeltas: 1 } }, { text: 'second' }],
      { retryDelaysMs: [] },
    );
    h.controller.delivery.send('alpha', 'first');
    await h.model.waitForDeltas(0, 1);
    expect(h.controller.delivery.send('alpha', 'queued one').outcome).not.toBe('refused');
    g.open();
    await h.settled('alpha');
    const agent = h.agent('alpha');
    expect(agent.state).toBe('error');
    expect(agent.detail).toContain('1 waiting');
    expect(agent.queue.map((m) => m.text)).toEqual(['queued one']);
  });
});
