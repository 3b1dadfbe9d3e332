// The call-state machine of DESIGN.md §9: when a workflow agent is working, waiting on you, or done,
// and the registry that names queued calls, matches `-t @RUN/PHASE` and emits only on a change.
import { describe, expect, it } from 'vitest';
import { CallStates, nextCallState, phaseMatches, type CallEvent, type CallState, type CallSteering } from '../../../src/core/workflow/call-state.js';
import { runTargetAgents, skipCall, acceptCall } from '../../../src/core/workflow/call-steering.js';
import { err, ok } from '../../../src/core/result.js';
import type { WorkflowRunsApi } from '../../../src/core/workflow/workflow-runs-api.js';

const working: CallState = { kind: 'working' };
const steering = (log: string[] = []): CallSteering => ({
  skip: () => {
    log.push('skip');
    return 'skipped';
  },
  accept: () => ({ ok: false, error: 'no answer yet' }),
  sendQueued: () => true,
  queuedPrompt: () => undefined,
  replacePrompt: () => false,
  holdStart: () => undefined,
});

describe('nextCallState', () => {
  it('a queued call works once started, and nothing but start or resolve moves it', () => {
    const queued: CallState = { kind: 'queued' };
    expect(nextCallState(queued, { kind: 'agent-state', state: 'streaming' })).toEqual(queued);
    expect(nextCallState(queued, { kind: 'history', op: 'rewind' })).toEqual(queued);
    expect(nextCallState(queued, { kind: 'started' })).toEqual(working);
    expect(nextCallState(queued, { kind: 'resolved', value: null, reason: 'skipped by the user' })).toEqual({ kind: 'done', value: null, reason: 'skipped by the user' });
  });

  it('Esc and an API error leave it waiting on you; a pending approval too, until the agent works again', () => {
    expect(nextCallState(working, { kind: 'turn-ended', outcome: 'interrupted', pending: false })).toEqual({ kind: 'waiting-on-you', reason: 'interrupted' });
    expect(nextCallState(working, { kind: 'turn-ended', outcome: 'error', pending: false })).toEqual({ kind: 'waiting-on-you', reason: 'api-error' });
    const approval = nextCallState(working, { kind: 'agent-state', state: 'awaiting-approval' });
    expect(approval).toEqual({ kind: 'waiting-on-you', reason: 'approval' });
    expect(nextCallState(approval, { kind: 'agent-state', state: 'tool' })).toEqual(working);
  });

  it('a rewind, an edit or a graft leaves it waiting on you; later work makes it working again', () => {
    const interrupted: CallState = { kind: 'waiting-on-you', reason: 'interrupted' };
    expect(nextCallState(interrupted, { kind: 'history', op: 'rewind' })).toEqual({ kind: 'waiting-on-you', reason: 'rewound' });
    expect(nextCallState(interrupted, { kind: 'history', op: 'edit' })).toEqual({ kind: 'waiting-on-you', reason: 'edited' });
    const grafted = nextCallState(working, { kind: 'history', op: 'graft' });
    expect(grafted).toEqual({ kind: 'waiting-on-you', reason: 'grafted' });
    expect(nextCallState(grafted, { kind: 'agent-state', state: 'requesting' })).toEqual(working);
    // Idle after the work ends (answered) says nothing by itself: the resolution decides.
    expect(nextCallState(grafted, { kind: 'agent-state', state: 'idle' })).toEqual(grafted);
  });

  it('a done call never changes again', () => {
    const done: CallState = { kind: 'done', value: 'x', reason: null };
    expect(nextCallState(done, { kind: 'agent-state', state: 'streaming' })).toBe(done);
    expect(nextCallState(done, { kind: 'turn-ended', outcome: 'interrupted', pending: false })).toBe(done);
  });
});

describe('CallStates', () => {
  it('emits queued at once, then one event per change, and forgets a call once done', () => {
    const events: CallEvent[] = [];
    const calls = new CallStates((event) => events.push(event));
    const entry = calls.add('r1', 'Review', 'rev-1', steering());
    entry.observe({ kind: 'started' });
    entry.observe({ kind: 'agent-state', state: 'requesting' });
    entry.observe({ kind: 'agent-state', state: 'streaming' });
    entry.observe({ kind: 'turn-ended', outcome: 'interrupted', pending: false });
    expect(calls.find('rev-1')).toBe(entry);
    entry.observe({ kind: 'resolved', value: 'ok', reason: null });
    expect(events.map((event) => (event.type === 'call-state' ? event.state.kind : event.type))).toEqual(['queued', 'working', 'waiting-on-you', 'done']);
    expect(events[2]).toEqual({ type: 'call-state', run: 'r1', agent: 'rev-1', phase: 'Review', state: { kind: 'waiting-on-you', reason: 'interrupted' } });
    expect(calls.find('rev-1')).toBeUndefined();
  });

  it('a rename emits call-renamed once (the same name again emits nothing) and find follows the new name', () => {
    const events: CallEvent[] = [];
    const calls = new CallStates((event) => events.push(event));
    const entry = calls.add('r1', null, 'rev-1', steering());
    entry.renamed('rev-1');
    entry.renamed('lead');
    expect(events.slice(1)).toEqual([{ type: 'call-renamed', run: 'r1', from: 'rev-1', to: 'lead' }]);
    expect(calls.find('lead')).toBe(entry);
    expect(calls.find('rev-1')).toBeUndefined();
  });

  it('names a phase case-insensitively with spaces written as -', () => {
    expect(phaseMatches('Code Review', 'code-review')).toBe(true);
    expect(phaseMatches('Code  Review', 'CODE-REVIEW')).toBe(true);
    expect(phaseMatches('Code Review', 'code')).toBe(false);
  });
});

describe('skip, accept and -t @RUN over the pending calls', () => {
  function runs(calls: CallStates): WorkflowRunsApi {
    const live = [{ id: 'ab12cd', name: 'audit', phases: [] }];
    return {
      start: () => err('unused'),
      stop: () => err('unused'),
      continue: () => err('unused'),
      live: () => live,
      find: (ref) => {
        const found = live.find((run) => run.id === ref || run.name === ref);
        return found === undefined ? err(`${ref}: no live run by that id or name`) : ok(found);
      },
      calls,
    };
  }

  it('@RUN names every pending call of the run (queued ones too), @RUN/PHASE one phase', () => {
    const calls = new CallStates(() => undefined);
    calls.add('ab12cd', 'Code Review', 'rev-1', steering());
    calls.add('ab12cd', 'Code Review', 'rev-2', steering()).observe({ kind: 'started' });
    calls.add('ab12cd', 'Fix', 'fixer', steering());
    calls.add('zz99zz', 'Code Review', 'other', steering());
    expect(runTargetAgents(runs(calls), '@audit')).toEqual(ok(['rev-1', 'rev-2', 'fixer']));
    expect(runTargetAgents(runs(calls), '@ab12cd/code-review')).toEqual(ok(['rev-1', 'rev-2']));
    expect(runTargetAgents(runs(calls), '@ab12cd/Nope')).toEqual(err('phase "Nope" of run ab12cd has no agent with a pending call'));
    expect(runTargetAgents(runs(calls), '@nope')).toEqual(err('nope: no live run by that id or name'));
    expect(runTargetAgents(runs(calls), '@')).toEqual(err('@: name a run (@RUN or @RUN/PHASE)'));
    expect(runTargetAgents(undefined, '@audit').ok).toBe(false);
  });

  it('skip and accept go to the named call; an agent with no pending call is refused', () => {
    const log: string[] = [];
    const calls = new CallStates(() => undefined);
    calls.add('ab12cd', null, 'rev-1', steering(log));
    expect(skipCall(runs(calls), 'rev-1')).toEqual(ok('skipped'));
    expect(log).toEqual(['skip']);
    expect(acceptCall(runs(calls), 'rev-1')).toEqual(err('no answer yet'));
    expect(skipCall(runs(calls), 'alpha')).toEqual(err('alpha is not a workflow agent with a pending call'));
  });
});
