// PTY agents in the controller, with a fake PTY port: state "running" / "exited N", nudges
// typed (then `\r`), interrupt as one Ctrl-C, restart, and a clear refusal from every command
// that does not apply to a hosted program.
import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/core/controller.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { translateCursorKeys } from '../../src/core/pty-keys.js';
import { ok } from '../../src/core/result.js';
import type { ToolHost } from '../../src/core/tools.js';
import { expectOk } from './factories.js';
import { FakeSession } from './fake-pty-session.js';
import { MemorySessionStore } from './memory-store.js';

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('no model in this test')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

function cockpit() {
  const launched: FakeSession[] = [];
  const controller = new Controller({
    store: new MemorySessionStore(),
    providerFor: () => noModel,
    tools: noTools,
    ptyLauncher: (spec) => {
      const session = new FakeSession(spec);
      launched.push(session);
      return ok(session);
    },
  });
  const latest = (): FakeSession => {
    const session = launched.at(-1);
    if (session === undefined) throw new Error('nothing launched');
    return session;
  };
  return { controller, launched, latest };
}

const tick = (ms = 60): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PTY agents in the controller', () => {
  it('starts the command in its cwd with its env, and shows it as running', () => {
    const { controller, latest } = cockpit();
    const agent = expectOk(controller.addPtyAgent('shell', '/tmp/w', { command: ['bash', '-l'], env: { K: 'V' }, ready: undefined }));
    expect(latest().spec).toMatchObject({ command: ['bash', '-l'], cwd: '/tmp/w', env: { K: 'V' } });
    expect([agent.state, agent.detail]).toEqual(['idle', 'running']);
  });

  it('types a broadcast exactly, then a separate \\r, and reports it delivered', async () => {
    const { controller, latest } = cockpit();
    expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: undefined }));
    const receipts = controller.delivery.broadcast('echo hi > out.txt', { interrupt: false });
    expect(receipts).toMatchObject([{ agent: 'shell', outcome: 'delivered', joined: 'typed', detail: 'typed' }]);
    expect(latest().writes).toEqual(['echo hi > out.txt']);
    await tick();
    expect(latest().writes).toEqual(['echo hi > out.txt', '\r']);
  });

  it('queues a nudge while the ready pattern does not match, and types it once the screen matches', async () => {
    const { controller, latest } = cockpit();
    const agent = expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: 'ready\\$ $' }));
    latest().bottom = 'Continue? [y/n] ';
    const receipt = controller.delivery.nudge('shell', 'ls', { interrupt: false });
    expect(receipt.outcome).toBe('queued');
    expect(agent.detail).toBe('running · 1 queued until ready');
    latest().changes.emit();
    expect(latest().writes).toEqual([]);
    latest().bottom = 'ready$ ';
    latest().changes.emit();
    expect(latest().writes).toEqual(['ls']);
    await tick();
    expect(latest().writes).toEqual(['ls', '\r']);
    expect(agent.detail).toBe('running');
  });

  it('translates arrow keys into the cursor-key mode the child asked for', () => {
    expect(translateCursorKeys('\x1bOA\x1b[B', false)).toBe('\x1b[A\x1b[B');
    expect(translateCursorKeys('\x1b[A\x1bOB x', true)).toBe('\x1bOA\x1bOB x');
  });

  it('interrupt sends one Ctrl-C', () => {
    const { controller, latest } = cockpit();
    expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: undefined }));
    expect(dispatch(controller, 'interrupt -t shell')).toMatchObject({ kind: 'ok', message: 'sent Ctrl-C to shell' });
    expect(latest().writes).toEqual(['\x03']);
  });

  it('shows the exit code, refuses nudges after it, and restart starts the command again', () => {
    const { controller, launched, latest } = cockpit();
    const agent = expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: undefined }));
    latest().exits.emit({ code: 3, signal: undefined });
    expect([agent.state, agent.detail]).toEqual(['error', 'exited 3 · :restart starts it again']);
    expect(controller.delivery.nudge('shell', 'ls', { interrupt: false })).toEqual({
      agent: 'shell',
      outcome: 'refused',
      detail: 'shell has exited 3: :restart starts it again',
    });
    expect(dispatch(controller, 'restart -t shell')).toMatchObject({ kind: 'ok', message: 'restarted shell (bash)' });
    expect(launched).toHaveLength(2);
    expect(launched[0]?.disposed).toBe(true);
    expect([agent.state, agent.detail]).toEqual(['idle', 'running']);
  });

  it('says clearly that rewind, edit, graft, fork, pause, resume, budget and retry do not apply', () => {
    const { controller } = cockpit();
    expectOk(controller.addPtyAgent('shell', '/tmp', { command: ['bash'], env: {}, ready: undefined }));
    const cases: [string, string][] = [
      ['rewind -t shell 1', 'rewind'],
      ['edit -t shell 1 new text', 'edit'],
      ['graft -t shell alpha', 'graft'],
      ['fork -t shell', 'fork'],
      ['pause -t shell', 'pause'],
      ['resume -t shell', 'resume'],
      ['budget -t shell --usd 1', 'budget'],
      ['retry -t shell', 'retry'],
      ['undo -t shell', 'undo'],
    ];
    for (const [line, operation] of cases) {
      const result = dispatch(controller, line);
      expect(result).toMatchObject({ kind: 'error' });
      expect(result.kind === 'error' ? result.message : '').toContain(`shell is a PTY agent: ${operation} does not apply`);
    }
  });

  it('new NAME -- COMMAND opens a focused PTY agent in the focused agent cwd; close kills it', () => {
    const { controller, latest } = cockpit();
    expectOk(controller.addAgent({ name: 'alpha', model: 'm', cwd: '/work/a' }));
    expect(dispatch(controller, 'new sh -- bash --norc')).toMatchObject({ kind: 'ok', message: 'new PTY agent sh (bash --norc)' });
    expect(latest().spec).toMatchObject({ command: ['bash', '--norc'], cwd: '/work/a' });
    expect(controller.panes.focused()).toBe('sh');
    expect(dispatch(controller, 'close -t sh')).toMatchObject({ kind: 'ok' });
    expect(latest().disposed).toBe(true);
  });

  it('restart of an SDK agent says it applies to PTY agents only', () => {
    const { controller } = cockpit();
    expectOk(controller.addAgent({ name: 'alpha', model: 'm', cwd: '.' }));
    const result = dispatch(controller, 'restart -t alpha');
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' ? result.message : '').toContain('alpha is not a PTY agent');
  });
});
