// Quitting and starting again with the same store reattaches agents by name (DESIGN.md §3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assistantText, startHarness, until, userText, withoutCacheMarks, type Harness } from './harness.js';

const dirs: string[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('restart', () => {
  it('a second start on the same store reattaches the session by name; the next request carries the whole history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-restart-'));
    dirs.push(dir);
    const first = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }], { dir }));
    first.controller.delivery.send('alpha', 'u1');
    await first.settled('alpha');
    first.controller.budgets.set({ kind: 'agent', agent: 'alpha' }, { turns: 9 }, false);
    first.controller.delivery.send('alpha', 'u2');
    await first.settled('alpha');
    const totals = first.agent('alpha').session?.totals;
    await first.close();

    const second = (harness = await startHarness([{ text: 'a3' }], { dir }));
    const agent = second.agent('alpha');
    expect(agent.session?.totals).toEqual(totals);
    expect(agent.session?.limits).toEqual({ turns: 9 });
    second.controller.delivery.send('alpha', 'u3');
    await second.settled('alpha');
    expect(withoutCacheMarks(second.messages(0))).toEqual([
      userText('u1'),
      assistantText('a1'),
      userText('u2'),
      assistantText('a2'),
      userText('u3'),
    ]);
  });

  it('a turn running at quit is kept as interrupted, and the next start can retry it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-restart-'));
    dirs.push(dir);
    const never = new Promise<void>(() => undefined);
    const first = (harness = await startHarness(
      [{ text: 'streaming when the cockpit quits', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never } }],
      { dir },
    ));
    let deltas = 0;
    first.controller.events.on((e) => {
      if (e.type === 'delta') deltas++;
    });
    first.controller.delivery.send('alpha', 'long task');
    await until(() => deltas >= 1, 'a delta');
    await first.close();

    const second = (harness = await startHarness([{ text: 'done now' }], { dir }));
    const path = second.agent('alpha').session?.tree.path() ?? [];
    expect(path.map((e) => e.kind)).toEqual(['user', 'interrupted']);
    expect(path[1]).toMatchObject({ reason: 'quit', blocks: [{ type: 'text', text: 'streamin' }] });
    expect(second.controller.retry('alpha').ok).toBe(true);
    await second.settled('alpha');
    expect(withoutCacheMarks(second.messages(0))).toEqual([userText('long task')]);
  });
});

describe('restart after a quit before the first delta', () => {
  it('the turn left without an answer is named as interrupted at quit, and retry re-runs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-restart-'));
    dirs.push(dir);
    const never = new Promise<void>(() => undefined);
    const first = (harness = await startHarness([{ text: 'never arrives', hold: { afterDeltas: 0, until: never } }], { dir }));
    first.controller.delivery.send('alpha', 'long task');
    await until(() => first.model.requests.length === 1, 'the request');
    await first.close();

    const second = (harness = await startHarness([{ text: 'done now' }], { dir }));
    const agent = second.agent('alpha');
    expect(agent.session?.tree.path().map((e) => e.kind)).toEqual(['user']);
    expect(agent.detail).toBe('interrupted at quit: retry re-runs the turn');
    expect(second.controller.retry('alpha').ok).toBe(true);
    await second.settled('alpha');
    expect(withoutCacheMarks(second.messages(0))).toEqual([userText('long task')]);
  });
});

describe('state details follow the head', () => {
  it('rewinding away an interrupted turn clears the "interrupted" detail', async () => {
    const never = new Promise<void>(() => undefined);
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'cut off here', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never } }]));
    h.controller.delivery.send('alpha', 'u1');
    await h.settled('alpha');
    let deltas = 0;
    const sub = h.controller.events.on((e) => {
      if (e.type === 'delta') deltas++;
    });
    h.controller.delivery.send('alpha', 'u2');
    await until(() => deltas >= 1, 'a delta');
    sub.dispose();
    h.controller.interrupt('alpha');
    await h.settled('alpha');
    expect(h.agent('alpha').detail).toBe('interrupted');
    expect(h.controller.history.rewind('alpha', { turn: 1 }).ok).toBe(true);
    expect(h.agent('alpha').detail).toBe('');
  });
});
