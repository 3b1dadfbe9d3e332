// Every command's value survives JSON (what `agentmux ctl --json` prints): each command of the
// table is run once, ok, against a real controller, and its value compared after a round trip.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../src/core/command.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import { Controller } from '../../src/core/controller.js';
import { dispatch } from '../../src/core/dispatch.js';
import { err, ok } from '../../src/core/result.js';
import { CallStates } from '../../src/core/workflow/call-state.js';
import type { ToolHost } from '../../src/core/tools.js';
import { ChainBuilder, expectOk, expectSdk, loopRunning, text, toolUse } from './factories.js';
import { FakeSession } from './fake-pty-session.js';
import { GatedProvider } from './gated-provider.js';
import { MemorySessionStore } from './memory-store.js';

const tools: ToolHost = {
  specs: () => [{ name: 'write_file', description: 'write', inputSchema: { type: 'object' }, effect: 'write' }],
  run: () => Promise.resolve({ content: 'written', isError: false }),
};

let controller: Controller | undefined;

afterEach(async () => {
  await controller?.shutdown();
  controller = undefined;
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

// alpha: two answered turns; writer: waiting on an approval; broken: its model refuses the key.
async function world(): Promise<Controller> {
  const providers = new Map([
    ['writer', new GatedProvider([{ blocks: [toolUse('w1', 'write_file', { path: 'x', content: 'y' })] }, { blocks: [text('wrote it')] }])],
    ['broken', new GatedProvider([{ error: { kind: 'auth', status: 401, message: 'bad key' } }, { blocks: [text('fine now')] }])],
  ]);
  const c = new Controller({
    store: new MemorySessionStore(),
    providerFor: (config) => providers.get(config.name) ?? new GatedProvider(Array.from({ length: 20 }, () => ({ blocks: [text('ack')] }))),
    tools,
    retryDelaysMs: [],
    ptyLauncher: (spec) => ok(new FakeSession(spec)),
  });
  controller = c;
  const alpha = expectSdk(expectOk(c.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' })));
  const session = alpha.session;
  if (session === undefined) throw new Error('no session');
  const b = new ChainBuilder();
  for (const n of [1, 2]) {
    expectOk(session.commit(b.from(session.tree.head).user(`q${n}`)));
    expectOk(session.commit(b.from(session.tree.head).assistant(text(`a${n}`))));
  }
  expectOk(c.addAgent({ name: 'writer', model: 'test-model', cwd: '.' }));
  expectOk(c.addAgent({ name: 'broken', model: 'test-model', cwd: '.' }));
  expectOk(c.addPtyAgent('shell', '.', { command: ['bash'], env: {}, ready: undefined }));
  c.delivery.send('writer', 'write x');
  c.delivery.send('broken', 'hi');
  await until(() => c.find('writer')?.state === 'awaiting-approval' && c.find('broken')?.state === 'error', 'the setup');
  // The runs host is the app's (src/app/workflow/workflow-runs.ts, tested there); here only the values' shape matters.
  const calls = new CallStates(() => undefined);
  // Two calls queued for a slot: `skip` and `accept` act on them (the host's steering is the app's, tested there).
  for (const agent of ['queued-a', 'queued-b']) {
    calls.add('r1', null, agent, { skip: () => `skipped ${agent}`, accept: () => ({ ok: true, value: `accepted ${agent}` }), sendQueued: () => true, queuedPrompt: () => undefined, replacePrompt: () => false, holdStart: () => undefined });
  }
  // A third queued call whose prompt the person replaces before it starts (`queued-prompt`).
  calls.add('r1', null, 'queued-c', { skip: () => 'skipped', accept: () => ({ ok: false, error: 'queued' }), sendQueued: () => true, queuedPrompt: () => 'the script prompt', replacePrompt: () => true, holdStart: () => undefined });
  // Three answers held for review (issue 16): `hold-accept`, `hold-value` and `hold-send` act on them.
  for (const agent of ['held-a', 'held-b', 'held-c']) {
    const entry = calls.add('r1', 'Verify', agent, { skip: () => 'skipped', accept: () => ({ ok: false, error: 'held' }), sendQueued: () => false, queuedPrompt: () => undefined, replacePrompt: () => false, holdStart: () => undefined });
    entry.observe({ kind: 'started' });
    entry.held = { value: { holds: true }, schema: true, problems: () => [], accept: () => `accepted ${agent}`, replace: () => ok(`replaced ${agent}`), sendBack: () => ok(`sent ${agent} back`) };
    entry.observe({ kind: 'held' });
  }
  c.workflows = { start: (ref) => ok(`started run r1 (${ref})`), stop: (ref) => ok(`stopped ${ref ?? 'the run'}`), find: (ref) => (ref === 'r1' ? ok({ id: 'r1', name: 'review', phases: ['Find', 'Verify'] }) : err(`${ref}: no live run`)), live: () => [], calls, continue: (run) => ok(`run ${run ?? 'r1'} continued`) };
  return c;
}

// One ok line per command, in an order where each finds what it needs.
const LINES: readonly string[] = [
  'send -t alpha hello',
  'approve -t writer y',
  'retry -t broken',
  'nudge -t shell ls',
  'broadcast --interrupt stop',
  'interrupt -t all',
  'pause -t alpha',
  'resume -t alpha',
  'restart -t shell',
  'rewind -t alpha 1',
  'switch -t alpha 1',
  'undo -t alpha',
  'edit -t alpha 1 reworded',
  'graft -t alpha broken 1..1',
  'fork -t alpha 1',
  'new zed',
  'rename -t zed zoe',
  'close -t zoe',
  'focus alpha',
  'budget -t alpha --usd 5 --turns 9',
  'run review',
  'run-stop review',
  'skip -t queued-a',
  'accept -t queued-b',
  'run-continue r1',
  'run-hold r1 Verify',
  'hold-accept -t held-a',
  'hold-value -t held-b {"holds": false}',
  'hold-send -t held-c look again',
  'queued-prompt -t queued-c a better prompt',
];

describe('command values', () => {
  it('every command in the table has a line here', () => {
    const covered = new Set(LINES.map((line) => line.split(' ')[0]));
    expect(COMMANDS.map((command) => command.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("every command's ok value round-trips through JSON unchanged", async () => {
    const c = await world();
    const results: CommandResult[] = [];
    for (const line of LINES) {
      const agent = c.find('alpha');
      // History commands need alpha idle: wait out the turns earlier lines started.
      await until(() => !loopRunning(agent) && !loopRunning(c.find('broken')), `idle before "${line}"`);
      const result = dispatch(c, line);
      if (result.kind !== 'ok') throw new Error(`${line}: ${result.kind === 'error' ? result.message : result.kind}`);
      results.push(result);
    }
    for (const result of results) {
      if (result.kind !== 'ok') continue;
      const printed = JSON.stringify({ ok: true, command: result.command, message: result.message, value: result.value });
      expect(JSON.parse(printed)).toEqual({ ok: true, command: result.command, message: result.message, value: result.value });
    }
    // Spot checks that the values say what happened.
    const byCommand = new Map(results.map((result) => [result.command, result]));
    expect(byCommand.get('send')).toMatchObject({ value: { deliveries: [{ agent: 'alpha', outcome: 'delivered', joined: 'started-turn' }] } });
    expect(byCommand.get('nudge')).toMatchObject({ value: { deliveries: [{ agent: 'shell', joined: 'typed' }] } });
    expect(byCommand.get('rewind')).toMatchObject({ value: { agent: 'alpha', before: { turns: 4 }, after: { turns: 1 } } });
    expect(byCommand.get('new')).toMatchObject({ value: { agent: { name: 'zed', state: 'idle' } } });
    const fork = byCommand.get('fork');
    expect(fork?.kind === 'ok' ? JSON.stringify(fork.value) : '').toMatch(/^\{"agent":\{"name":"alpha[^"]*","pane":\d+/);
    expect(byCommand.get('budget')).toMatchObject({ value: { target: 'alpha', set: { usd: 5, turns: 9, tokens: null }, clear: false } });
  });

  it('errors carry a code: unknown command, usage, or the command failing', () => {
    const c = new Controller({ store: new MemorySessionStore(), providerFor: () => new GatedProvider([]), tools });
    controller = c;
    expectOk(c.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' }));
    expect(dispatch(c, 'frobnicate')).toMatchObject({ kind: 'error', code: 'unknown-command', command: undefined });
    expect(dispatch(c, 'rewind -t alpha x')).toMatchObject({ kind: 'error', code: 'usage', command: 'rewind' });
    expect(dispatch(c, 'send -t nobody hi')).toMatchObject({ kind: 'error', code: 'usage', command: 'send' });
    expect(dispatch(c, 'rewind -t alpha 4')).toMatchObject({ kind: 'error', code: 'failed', command: 'rewind' });
  });
});
