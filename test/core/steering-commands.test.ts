// `skip`, `accept` and `-t @RUN[/PHASE]` (DESIGN.md §9) as commands: what each asks of the
// cockpit, and the typed values and errors they return.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/dispatch.js';
import { err, ok } from '../../src/core/result.js';
import { FakeCockpit } from './fake-cockpit.js';

describe('skip and accept', () => {
  it('skip -t AGENT resolves that agent\'s call and says so in its value', () => {
    const api = new FakeCockpit();
    const result = dispatch(api, 'skip -t beta');
    expect(api.calls).toEqual([{ method: 'skip', args: ['beta'] }]);
    expect(result).toMatchObject({ kind: 'ok', command: 'skip', message: 'skipped', value: { agent: 'beta', resolved: 'skipped' } });
  });

  it('accept without -t takes the focused agent; its refusal is the command\'s error', () => {
    const api = new FakeCockpit();
    api.focusedAgent = 'beta';
    api.replies = { ...api.replies, accept: err('beta has no answer yet to accept (skip it, or send it a message)') };
    const result = dispatch(api, 'accept');
    expect(api.calls).toEqual([{ method: 'accept', args: ['beta'] }]);
    expect(result).toEqual({ kind: 'error', code: 'failed', command: 'accept', message: 'accept: beta has no answer yet to accept (skip it, or send it a message)' });
  });
});

describe('the hold commands (issue 16)', () => {
  it('run-hold RUN PHASE takes the rest of the line as the phase; without one it is a usage error', () => {
    const api = new FakeCockpit();
    expect(dispatch(api, 'run-hold r1 Final check')).toMatchObject({ kind: 'ok', command: 'run-hold', value: { run: 'r1', phase: 'Final check' } });
    expect(api.calls).toEqual([{ method: 'holdPhase', args: ['r1', 'Final check'] }]);
    expect(dispatch(new FakeCockpit(), 'run-hold r1')).toMatchObject({ kind: 'error', code: 'usage' });
  });

  it('hold-accept, hold-value and hold-send reach the held answer of -t AGENT (or the focused agent)', () => {
    const api = new FakeCockpit();
    api.focusedAgent = 'beta';
    expect(dispatch(api, 'hold-accept')).toMatchObject({ kind: 'ok', value: { agent: 'beta', held: 'accepted' } });
    expect(dispatch(api, 'hold-value -t alpha {"holds": false}')).toMatchObject({ kind: 'ok', value: { agent: 'alpha', held: 'replaced' } });
    expect(dispatch(api, 'hold-value -t alpha plain words')).toMatchObject({ kind: 'ok' });
    expect(dispatch(api, 'hold-send -t alpha look at line 20')).toMatchObject({ kind: 'ok', value: { agent: 'alpha', held: 'sent-back' } });
    expect(api.calls).toEqual([
      { method: 'acceptHeld', args: ['beta'] },
      { method: 'replaceHeld', args: ['alpha', { holds: false }] },
      { method: 'replaceHeld', args: ['alpha', 'plain words'] },
      { method: 'sendBackHeld', args: ['alpha', 'look at line 20'] },
    ]);
  });

  it('a refused edit is the command\'s error, naming the problem', () => {
    const api = new FakeCockpit();
    api.replies = { ...api.replies, replaceHeld: err('alpha: the edited value does not match its schema (still held): /holds: must be boolean') };
    expect(dispatch(api, 'hold-value -t alpha {"holds": 1}')).toEqual({ kind: 'error', code: 'failed', command: 'hold-value', message: 'hold-value: alpha: the edited value does not match its schema (still held): /holds: must be boolean' });
  });
});

describe('-t @RUN and -t @RUN/PHASE', () => {
  it('broadcast -t @RUN/PHASE nudges only that phase\'s agents', () => {
    const api = new FakeCockpit();
    api.replies = { ...api.replies, runAgents: ok(['rev-1', 'rev-2']) };
    const result = dispatch(api, 'broadcast -t @audit/review focus on tests');
    expect(api.calls).toEqual([
      { method: 'runAgents', args: ['@audit/review'] },
      { method: 'broadcast', args: ['focus on tests', { interrupt: false, agents: ['rev-1', 'rev-2'] }] },
    ]);
    expect(result).toMatchObject({ kind: 'ok', value: { deliveries: [{ agent: 'rev-1' }, { agent: 'rev-2' }] } });
  });

  it('broadcast -t takes only a run, and an unknown run is a usage error', () => {
    expect(dispatch(new FakeCockpit(), 'broadcast -t alpha hi')).toMatchObject({ kind: 'error', code: 'usage', message: 'broadcast: -t takes @RUN or @RUN/PHASE (to nudge one agent: nudge -t alpha)' });
    const api = new FakeCockpit();
    api.replies = { ...api.replies, runAgents: err('nope: no live run by that id or name') };
    expect(dispatch(api, 'broadcast -t @nope hi')).toMatchObject({ kind: 'error', code: 'usage', message: 'broadcast: nope: no live run by that id or name' });
  });

  it('pause -t @RUN pauses each agent of the run and reports each', () => {
    const api = new FakeCockpit();
    api.replies = { ...api.replies, runAgents: ok(['rev-1', 'rev-2']) };
    const result = dispatch(api, 'pause -t @audit');
    expect(api.calls).toEqual([
      { method: 'runAgents', args: ['@audit'] },
      { method: 'pause', args: ['rev-1'] },
      { method: 'pause', args: ['rev-2'] },
    ]);
    expect(result).toMatchObject({ kind: 'ok', value: { targets: [{ agent: 'rev-1', ok: true }, { agent: 'rev-2', ok: true }] } });
  });

  it('resume -t @RUN with no such run names the problem', () => {
    const api = new FakeCockpit();
    api.replies = { ...api.replies, runAgents: err('run ab12cd has no agent with a pending call') };
    expect(dispatch(api, 'resume -t @ab12cd')).toMatchObject({ kind: 'error', code: 'usage', message: 'resume: run ab12cd has no agent with a pending call' });
  });
});
