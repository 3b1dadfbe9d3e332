// new, close, rename, focus, tiling and quit through `dispatch` into the real controller, the
// real SDK, the scripted model and a real store (DESIGN.md §5).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControllerEvent } from '../../src/core/events.js';
import { dispatch } from '../../src/core/dispatch.js';
import { err } from '../../src/core/result.js';
import { assistantText, startHarness, until, userText, withoutCacheMarks, type Harness } from './harness.js';

const dirs: string[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function names(h: Harness): string[] {
  return h.controller.agents().map((agent) => agent.name);
}

function recordEvents(h: Harness): ControllerEvent[] {
  const events: ControllerEvent[] = [];
  h.controller.events.on((event) => events.push(event));
  return events;
}

describe('new', () => {
  it('opens an agent configured like the focused one, focuses it, and its messages reach the model', async () => {
    const h = (harness = await startHarness([{ text: 'b1' }, { text: 'g1' }], { system: 'be brief' }));
    expect(dispatch(h.controller, 'new beta')).toMatchObject({ kind: 'ok', message: 'new agent beta (claude-sonnet-4-6)' });
    expect(names(h)).toEqual(['alpha', 'beta']);
    expect(h.controller.panes.focused()).toBe('beta');
    expect(h.agent('beta').config).toEqual({ ...h.agent('alpha').config, name: 'beta' });
    expect(dispatch(h.controller, 'send hello beta')).toMatchObject({ kind: 'ok', message: 'sent to beta' });
    await h.settled('beta');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('hello beta')]);
    expect(JSON.stringify(h.model.requests[0]?.body.system)).toContain('be brief');

    expect(dispatch(h.controller, 'new gamma --model other-model')).toMatchObject({ kind: 'ok', message: 'new agent gamma (other-model)' });
    expect(dispatch(h.controller, 'send -t gamma hi').kind).toBe('ok');
    await h.settled('gamma');
    expect(h.model.requests[1]?.body.model).toBe('other-model');
    expect(h.agent('alpha').session?.tree.path()).toEqual([]);
  });

  it('refuses a name in use or a bad name, and needs an agent or a default configuration to copy', async () => {
    const h = (harness = await startHarness([]));
    expect(dispatch(h.controller, 'new alpha')).toMatchObject({ kind: 'error', message: 'new: an agent named "alpha" already exists' });
    expect(h.controller.panes.newAgent('all', {})).toEqual(err('agent name "all" is reserved (-t all means every agent)'));
    expect(dispatch(h.controller, 'close').kind).toBe('ok');
    expect(dispatch(h.controller, 'new beta')).toMatchObject({
      kind: 'error',
      message: 'new: no agent to copy a configuration from, and no default configuration',
    });
    expect(names(h)).toEqual([]);
  });

  it('uses the default configuration when no agent is open', async () => {
    const h = (harness = await startHarness([{ text: 'hi there' }], { agents: [], defaultAgent: true }));
    expect(dispatch(h.controller, 'new solo')).toMatchObject({ kind: 'ok', message: 'new agent solo (claude-sonnet-4-6)' });
    expect(h.agent('solo').config).toEqual({ name: 'solo', model: 'claude-sonnet-4-6', cwd: h.workspace });
    expect(dispatch(h.controller, 'send hello').kind).toBe('ok');
    await h.settled('solo');
    expect(withoutCacheMarks(h.messages(0))).toEqual([userText('hello')]);
  });
});

describe('close', () => {
  it('keeps the session in the store; a later new NAME reattaches it and its next request carries the history', async () => {
    const h = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }], { agents: ['alpha', 'beta'] }));
    dispatch(h.controller, 'send -t alpha u1');
    await h.settled('alpha');
    const id = h.agent('alpha').session?.id;
    const events = recordEvents(h);
    expect(dispatch(h.controller, 'close -t alpha')).toMatchObject({ kind: 'ok', message: 'closed alpha (its session stays in the store)' });
    expect(names(h)).toEqual(['beta']);
    expect(h.controller.panes.focused()).toBe('beta');
    expect(events).toContainEqual({ type: 'agent-removed', agent: 'alpha' });
    expect(h.store.findByName('alpha')).toBe(id);
    expect(h.controller.storedSessions.list().map((s) => s.name)).toContain('alpha');

    expect(dispatch(h.controller, 'new alpha')).toMatchObject({
      kind: 'ok',
      message: 'new agent alpha (claude-sonnet-4-6): reattached its stored session',
    });
    expect(h.agent('alpha').session?.id).toBe(id);
    dispatch(h.controller, 'send -t alpha u2');
    await h.settled('alpha');
    expect(withoutCacheMarks(h.messages(1))).toEqual([userText('u1'), assistantText('a1'), userText('u2')]);
  });

  it('keeps a running turn as interrupted, and the name is free again once the journal is closed', async () => {
    const never = new Promise<void>(() => undefined);
    const h = (harness = await startHarness(
      [{ text: 'streaming when closed', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never } }],
      { agents: ['alpha', 'beta'] },
    ));
    let deltas = 0;
    h.controller.events.on((e) => {
      if (e.type === 'delta') deltas++;
    });
    dispatch(h.controller, 'send long task');
    await until(() => deltas >= 1, 'a delta');
    expect(dispatch(h.controller, 'close -t alpha').kind).toBe('ok');
    expect(names(h)).toEqual(['beta']);
    expect(dispatch(h.controller, 'new alpha')).toMatchObject({ kind: 'error', message: 'new: alpha is still closing: try again in a moment' });
    await h.controller.closed();
    expect(h.agent('beta').state).toBe('idle');
    expect(dispatch(h.controller, 'new alpha').kind).toBe('ok');
    const path = h.agent('alpha').session?.tree.path() ?? [];
    expect(path.map((e) => e.kind)).toEqual(['user', 'interrupted']);
    expect(path[1]).toMatchObject({ reason: 'quit', blocks: [{ type: 'text', text: 'streamin' }] });
  });
});

describe('rename', () => {
  it('renames the agent, its focus, provider and catalog row; a restart finds the session under the new name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-rename-'));
    dirs.push(dir);
    const first = (harness = await startHarness([{ text: 'a1' }, { text: 'a2' }], { dir }));
    dispatch(first.controller, 'send u1');
    await first.settled('alpha');
    const id = first.agent('alpha').session?.id;
    const events = recordEvents(first);
    expect(dispatch(first.controller, 'rename omega')).toMatchObject({ kind: 'ok', message: 'renamed alpha to omega' });
    expect(events).toContainEqual({ type: 'agent-renamed', from: 'alpha', to: 'omega' });
    expect(names(first)).toEqual(['omega']);
    expect(first.controller.panes.focused()).toBe('omega');
    expect(first.store.findByName('omega')).toBe(id);
    expect(first.store.findByName('alpha')).toBeUndefined();
    dispatch(first.controller, 'send u2');
    await first.settled('omega');
    expect(first.providersMade.map((config) => config.name)).toEqual(['alpha']);
    await first.close();

    const second = (harness = await startHarness([{ text: 'a3' }], { dir, agents: ['omega'] }));
    expect(second.agent('omega').session?.id).toBe(id);
    expect(second.store.findByName('alpha')).toBeUndefined();
    dispatch(second.controller, 'send u3');
    await second.settled('omega');
    expect(withoutCacheMarks(second.messages(0))).toEqual([
      userText('u1'),
      assistantText('a1'),
      userText('u2'),
      assistantText('a2'),
      userText('u3'),
    ]);
  });

  it('keeps the focus on a focused agent it renames', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha', 'beta'] }));
    dispatch(h.controller, 'focus beta');
    expect(dispatch(h.controller, 'rename zeta').kind).toBe('ok');
    expect(h.controller.panes.focused()).toBe('zeta');
    expect(dispatch(h.controller, 'pause')).toMatchObject({ kind: 'ok', message: 'paused zeta' });
  });

  it('refuses a name taken by an agent or by a stored session', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha', 'beta', 'gamma'] }));
    expect(dispatch(h.controller, 'rename -t alpha beta')).toMatchObject({ kind: 'error', message: 'rename: an agent named "beta" already exists' });
    dispatch(h.controller, 'close -t gamma');
    expect(dispatch(h.controller, 'rename -t alpha gamma')).toMatchObject({
      kind: 'error',
      message: 'rename: the store already has a session named "gamma" (:sessions lists them)',
    });
    expect(h.controller.panes.rename('alpha', 'a b')).toEqual(err('agent name must not contain spaces or control characters'));
    expect(names(h)).toEqual(['alpha', 'beta']);
  });
});

describe('focus', () => {
  it('moves the focus by name or pane number, tells the views, and commands without -t follow it', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha', 'beta'] }));
    const events = recordEvents(h);
    expect(dispatch(h.controller, 'focus beta')).toMatchObject({ kind: 'ok', message: 'focused beta' });
    expect(h.controller.panes.focused()).toBe('beta');
    expect(events).toEqual([{ type: 'focus', agent: 'beta' }]);
    expect(dispatch(h.controller, 'pause')).toMatchObject({ kind: 'ok', message: 'paused beta' });
    expect(dispatch(h.controller, 'focus 1').kind).toBe('ok');
    expect(h.controller.panes.focused()).toBe('alpha');
    expect(dispatch(h.controller, 'focus zed').kind).toBe('error');
    expect(h.controller.panes.focused()).toBe('alpha');
  });
});

describe('tiling and quit', () => {
  it('are the app\'s commands: core\'s dispatch, with no screen, does not know them', async () => {
    const h = (harness = await startHarness([]));
    for (const line of ['quit', 'tiling rows', 'sessions']) {
      const result = dispatch(h.controller, line);
      expect(result.kind).toBe('error');
      expect(result.kind === 'error' ? result.message : '').toMatch(/^unknown command/);
    }
  });
});
