// The pane commands of DESIGN.md §5 — new, close, rename, focus, tiling, quit — tested by the
// CockpitApi calls they make (parsing and validation happen before any call).
import { describe, expect, it } from 'vitest';
import { readNewAgentTail } from '../../src/core/commands/new.js';
import { dispatch } from '../../src/core/dispatch.js';
import { err } from '../../src/core/result.js';
import { FakeCockpit } from './fake-cockpit.js';

function run(line: string, api = new FakeCockpit()) {
  const result = dispatch(api, line);
  return { result, calls: api.calls };
}

describe('new', () => {
  it('opens NAME with the default model when --model is absent', () => {
    expect(run('new delta')).toMatchObject({
      result: { kind: 'ok', message: 'new agent' },
      calls: [{ method: 'newAgent', args: ['delta', {}] }],
    });
  });

  it('takes --model M after NAME, as DESIGN.md writes it, and before NAME, as the grammar allows', () => {
    expect(run('new delta --model claude-opus-4-1').calls).toEqual([
      { method: 'newAgent', args: ['delta', { model: 'claude-opus-4-1' }] },
    ]);
    expect(run('new delta   --model=m2 ').calls).toEqual([{ method: 'newAgent', args: ['delta', { model: 'm2' }] }]);
    expect(run('new --model m3 delta').calls).toEqual([{ method: 'newAgent', args: ['delta', { model: 'm3' }] }]);
  });

  it('opens a PTY agent with -- COMMAND ARGS split on spaces, and refuses --model with it', () => {
    expect(run('new shell -- bash  -l')).toMatchObject({
      result: { kind: 'ok', message: 'new PTY agent' },
      calls: [{ method: 'newPtyAgent', args: ['shell', ['bash', '-l']] }],
    });
    expect(run('new shell --model m -- ssh host')).toMatchObject({
      result: { kind: 'error', message: 'new: --model does not apply to a PTY agent (-- COMMAND)' },
      calls: [],
    });
  });

  it('names what is wrong after NAME and calls nothing', () => {
    expect(run('new delta foo')).toMatchObject({
      result: {
        kind: 'error',
        message: 'new: unexpected argument "foo" (after NAME come --model M and -- COMMAND ARGS…)',
      },
      calls: [],
    });
    expect(run('new delta --model').result).toMatchObject({ kind: 'error', message: 'new: --model needs a value (M)' });
    expect(run('new delta --model a --model b').result).toMatchObject({ kind: 'error', message: 'new: --model given twice' });
    expect(run('new --model a delta --model b').result).toMatchObject({ kind: 'error', message: 'new: --model given twice' });
    expect(run('new delta --').result).toMatchObject({ kind: 'error', message: 'new: -- needs a COMMAND (-- COMMAND ARGS…)' });
    expect(run('new').result).toMatchObject({ kind: 'error', message: 'new: NAME is required' });
  });

  it('holds NAME to the rules for agent names', () => {
    expect(run('new 7')).toMatchObject({
      result: { kind: 'error', message: 'new: NAME must not be a number (numbers name panes)' },
      calls: [],
    });
    expect(run('new all').result).toMatchObject({
      kind: 'error',
      message: 'new: NAME "all" is reserved (-t all means every agent)',
    });
  });

  it('shows the controller refusal under its name', () => {
    const api = new FakeCockpit();
    api.replies.newAgent = err('an agent named "alpha" already exists');
    expect(run('new alpha', api).result).toMatchObject({
      kind: 'error',
      message: 'new: an agent named "alpha" already exists',
    });
  });

  it('splits the PTY command on spaces', () => {
    expect(readNewAgentTail('--  ssh  host ls ', undefined)).toEqual({
      ok: true,
      value: { kind: 'pty', model: undefined, command: ['ssh', 'host', 'ls'] },
    });
  });

  it('keeps quoted PTY arguments whole, as a shell would, and expands nothing', () => {
    expect(readNewAgentTail(`-- bash -c 'sleep 777; echo "$HOME"'`, undefined)).toEqual({
      ok: true,
      value: { kind: 'pty', model: undefined, command: ['bash', '-c', 'sleep 777; echo "$HOME"'] },
    });
    expect(readNewAgentTail('-- sh -c "echo \\"hi\\" \\$x" a\\ b ""', undefined)).toEqual({
      ok: true,
      value: { kind: 'pty', model: undefined, command: ['sh', '-c', 'echo "hi" $x', 'a b', ''] },
    });
    expect(run(`new sl -- bash -c 'sleep 777'`).calls).toEqual([{ method: 'newPtyAgent', args: ['sl', ['bash', '-c', 'sleep 777']] }]);
  });

  it('refuses an unclosed quote in the PTY command, naming it', () => {
    expect(run(`new sl -- bash -c 'sleep 777`).result).toMatchObject({
      kind: 'error',
      message: "new: unclosed ' in the command (from column 9)",
    });
    expect(readNewAgentTail('--model m -- "x', undefined)).toEqual({ ok: false, error: 'unclosed " in the command (from column 1)' });
  });
});

describe('close', () => {
  it('closes the focused agent, or the one -t names', () => {
    const api = new FakeCockpit();
    api.focusedAgent = 'beta';
    expect(run('close', api).calls).toEqual([{ method: 'closeAgent', args: ['beta'] }]);
    expect(run('close -t 3').calls).toEqual([{ method: 'closeAgent', args: ['gamma'] }]);
  });

  it('reports an unknown agent and takes no other argument', () => {
    expect(run('close -t zed')).toMatchObject({ result: { kind: 'error', message: 'close: no agent "zed"' }, calls: [] });
    expect(run('close beta').result).toMatchObject({ kind: 'error', message: 'close: unexpected argument "beta"' });
  });
});

describe('rename', () => {
  it('renames the focused agent, or the one -t names', () => {
    expect(run('rename omega').calls).toEqual([{ method: 'renameAgent', args: ['alpha', 'omega'] }]);
    expect(run('rename -t 2 omega').calls).toEqual([{ method: 'renameAgent', args: ['beta', 'omega'] }]);
  });

  it('refuses a bad NAME before calling anything', () => {
    expect(run('rename -t beta -x')).toMatchObject({ result: { kind: 'error' }, calls: [] });
    expect(run('rename 12')).toMatchObject({
      result: { kind: 'error', message: 'rename: NAME must not be a number (numbers name panes)' },
      calls: [],
    });
    expect(run('rename').result).toMatchObject({ kind: 'error', message: 'rename: NAME is required' });
  });
});

describe('focus', () => {
  it('focuses an agent by name or pane number', () => {
    expect(run('focus gamma').calls).toEqual([{ method: 'focus', args: ['gamma'] }]);
    expect(run('focus 2')).toMatchObject({
      result: { kind: 'ok', message: 'focused' },
      calls: [{ method: 'focus', args: ['beta'] }],
    });
  });

  it('reports an unknown agent and a missing one', () => {
    expect(run('focus zed')).toMatchObject({ result: { kind: 'error', message: 'focus: no agent "zed"' }, calls: [] });
    expect(run('focus').result).toMatchObject({ kind: 'error', message: 'focus: AGENT is required' });
  });
});

