// A message accepted before agentmux last stopped is delivered when its session is reattached by
// a person's later action, not only at start: the session browser's open (by session id) and
// `new NAME` both send it to the model at once, once, without another message (issue 11 review).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptMessage } from '../../src/core/pending-messages.js';
import { closeHarnesses, openHarness, until, withoutCacheMarks, type Harness } from './harness.js';

afterEach(closeHarnesses);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store whose session `waiter` holds one journaled, undelivered message; its session id. */
async function storeWithPending(dir: string, workspace: string): Promise<string> {
  const first = await openHarness([], { dir, workspace, agents: ['waiter'] });
  const agent = first.agent('waiter');
  const accepted = acceptMessage(agent, { now: Date.now }, { id: 'd-waiting', text: 'waited across the stop', origin: 'typed', nudge: false });
  if (!accepted.ok) throw new Error(accepted.error);
  const sessionId = agent.session.id;
  await first.controller.shutdown();
  await first.store.close();
  expect(first.model.requests).toHaveLength(0);
  return sessionId;
}

function texts(h: Harness, index: number): string[] {
  const parsed = JSON.stringify(withoutCacheMarks(h.messages(index)));
  return [...parsed.matchAll(/"text":"([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** The reopened agent answered the waiting message in one request, and nothing waits any more. */
async function expectDeliveredOnce(h: Harness): Promise<void> {
  await until(() => h.model.requests.length >= 1 && h.agent('waiter').phase.kind !== 'running', 'the waiting message to be answered');
  expect(h.model.requests).toHaveLength(1);
  expect(texts(h, 0)).toEqual(['waited across the stop']);
  const agent = h.agent('waiter');
  expect(agent.queue).toHaveLength(0);
  expect(agent.session.pending.size).toBe(0);
  expect(agent.state).toBe('idle');
}

describe('a reattached session delivers what waited', () => {
  for (const how of ['the session browser (by session id)', 'new NAME'] as const) {
    it(`opened with ${how}: the message accepted before the stop goes to the model at once, once`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'agentmux-reattach-'));
      const workspace = mkdtempSync(path.join(tmpdir(), 'agentmux-reattach-ws-'));
      dirs.push(dir, workspace);
      const sessionId = await storeWithPending(dir, workspace);
      const h = await openHarness([{ text: 'answered the waiting one' }], { dir, workspace, agents: ['other'] });
      const opened = how === 'new NAME' ? h.controller.panes.newAgent('waiter', {}) : h.controller.panes.openSession(sessionId);
      expect(opened.ok).toBe(true);
      await expectDeliveredOnce(h);
    });
  }
});
