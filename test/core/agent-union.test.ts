// The Agent union (core/agent.ts) case by case: a HostedAgent (a PTY agent) is its hosted program's
// state and nothing else; a BrokenAgent (a journal that did not load) shows why and never runs; an
// SdkAgent's `paused` is one fact, its turn phase's, and its title follows the phase.
import { describe, expect, it } from 'vitest';
import { BrokenAgent, type AgentConfig } from '../../src/core/agent.js';
import { Controller } from '../../src/core/controller.js';
import { Emitter, type ControllerEvent } from '../../src/core/events.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { err, ok, type Result } from '../../src/core/result.js';
import type { LoadedJournal, LoadProblem } from '../../src/core/store.js';
import type { ToolHost } from '../../src/core/tools.js';
import { expectOk, expectSdk, loopRunning, text, toolUse } from './factories.js';
import { FakeSession } from './fake-pty-session.js';
import { gate, GatedProvider } from './gated-provider.js';
import { MemorySessionStore } from './memory-store.js';

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('no model in this test')) };
const tools: ToolHost = {
  specs: () => [{ name: 'read_file', description: 'read', inputSchema: { type: 'object' }, effect: 'read' }],
  run: (call) => Promise.resolve({ content: `ran ${call.name}`, isError: false }),
};
const config: AgentConfig = { name: 'alpha', model: 'test-model', cwd: '.' };

// A store whose journals cannot be read back (a corrupt line, a missing file).
class UnreadableStore extends MemorySessionStore {
  override load(sessionId: string): Result<LoadedJournal, LoadProblem> {
    return err({ path: `${sessionId}.jsonl`, message: `${sessionId}.jsonl:3: not JSON (copy kept at ${sessionId}.bad)` });
  }
}

function statesOf(events: readonly ControllerEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'state' ? [`${event.state}:${event.detail}`] : []));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('HostedAgent (a PTY agent)', () => {
  it('is its program: the child exiting shows on its title, and history, pause and retry do not apply', () => {
    const launched: FakeSession[] = [];
    const controller = new Controller({
      store: new MemorySessionStore(),
      providerFor: () => noModel,
      tools,
      ptyLauncher: (spec) => {
        const session = new FakeSession(spec);
        launched.push(session);
        return ok(session);
      },
    });
    const events: ControllerEvent[] = [];
    controller.events.on((event) => events.push(event));
    const agent = expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: undefined }));
    expect(agent.kind).toBe('pty');
    expect(controller.find('shell')).toBe(agent);
    expect([agent.state, agent.detail]).toEqual(['idle', 'running']);

    launched[0]?.exits.emit({ code: 3, signal: undefined });
    expect([agent.state, agent.detail]).toEqual(['error', 'exited 3 · :restart starts it again']);
    expect(statesOf(events)).toContain('error:exited 3 · :restart starts it again');

    expect(controller.history.branchPosition('shell')).toBeUndefined();
    for (const refused of [controller.history.rewind('shell', { turn: 1 }), controller.pause('shell'), controller.retry('shell')]) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatch(/does not apply|PTY/);
    }
    expect(controller.panes.restart('shell').ok).toBe(true);
    expect(launched).toHaveLength(2);
  });
});

describe('BrokenAgent (its journal did not load)', () => {
  it('shows its load error as state error from the start', () => {
    const events = new Emitter<ControllerEvent>();
    const seen: ControllerEvent[] = [];
    events.on((event) => seen.push(event));
    const agent = new BrokenAgent(config, 'alpha.jsonl:3: not JSON', events);
    expect([agent.kind, agent.state, agent.detail, agent.loadError]).toEqual(['broken', 'error', 'alpha.jsonl:3: not JSON', 'alpha.jsonl:3: not JSON']);
  });

  it('keeps its pane, refuses every command that would run it with the load error, and closes', () => {
    const store = new UnreadableStore();
    const first = new Controller({ store, providerFor: () => noModel, tools });
    expectOk(first.addAgent(config));
    // The second controller finds the session by name and cannot read it.
    const controller = new Controller({ store, providerFor: () => noModel, tools });
    const agent = expectOk(controller.addAgent(config));
    expect(agent.kind).toBe('broken');
    expect(agent.state).toBe('error');
    expect(agent.detail).toMatch(/\.jsonl:3: not JSON/);

    const sent = controller.delivery.send('alpha', 'hello');
    expect(sent).toMatchObject({ outcome: 'refused' });
    expect(sent.detail).toMatch(/alpha cannot run: .*not JSON/);
    for (const refused of [controller.retry('alpha'), controller.pause('alpha'), controller.history.undo('alpha'), controller.panes.rename('alpha', 'omega')]) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatch(/cannot (run|be renamed).*not JSON/);
    }
    expect(controller.history.branchPosition('alpha')).toBeUndefined();
    expect(controller.panes.close('alpha').ok).toBe(true);
    expect(controller.find('alpha')).toBeUndefined();
  });
});

describe('SdkAgent: paused is the turn phase', () => {
  it('pause of an idle agent: phase and title say paused together (one state event); resume: both idle', () => {
    const controller = new Controller({ store: new MemorySessionStore(), providerFor: () => noModel, tools });
    const agent = expectSdk(expectOk(controller.addAgent(config)));
    const events: ControllerEvent[] = [];
    controller.events.on((event) => events.push(event));
    expectOk(controller.pause('alpha'));
    expect([agent.phase.kind, agent.state]).toEqual(['paused', 'paused']);
    expect(statesOf(events)).toEqual(['paused:']);
    expectOk(controller.resume('alpha'));
    expect([agent.phase.kind, agent.state]).toEqual(['idle', 'idle']);
    expect(statesOf(events)).toEqual(['paused:', 'idle:']);
  });

  it('a pause asked for mid-turn shows paused exactly when the loop stops at its safe point, with what waits', async () => {
    const hold = gate();
    const provider = new GatedProvider([{ blocks: [toolUse('r1')], held: hold.held }, { blocks: [text('done')] }, { blocks: [text('next done')] }]);
    const controller = new Controller({ store: new MemorySessionStore(), providerFor: () => provider, tools, retryDelaysMs: [] });
    const agent = expectSdk(expectOk(controller.addAgent(config)));
    controller.delivery.send('alpha', 'go');
    await until(() => provider.started === 1, 'the stream');
    expectOk(controller.pause('alpha'));
    expect(agent.state).not.toBe('paused');
    controller.delivery.send('alpha', 'next');
    const seen: string[] = [];
    controller.events.on((event) => {
      if (event.type === 'state' && event.state === 'paused') seen.push(`${agent.phase.kind}:${event.detail}`);
    });
    hold.open();
    await until(() => !loopRunning(agent), 'the loop to stop at the safe point');
    expect([agent.phase.kind, agent.state]).toEqual(['paused', 'paused']);
    expect(seen).toEqual(['paused:1 waiting']);
    expectOk(controller.resume('alpha'));
    await until(() => !loopRunning(agent) && agent.queue.length === 0, 'the turns to end');
    expect(agent.state).toBe('idle');
    await controller.shutdown();
  });
});
