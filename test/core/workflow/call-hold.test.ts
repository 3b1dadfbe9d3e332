// Review gates (issue 16), the pure half: which phases hold (`--hold PHASE`, `all`, `run-hold`),
// the held state of a call (waiting on you, never stalled in the run view, gone once it moves
// on), the hold's steering (headless refused, no held answer named), and reading an edited value
// back (schema problems keep the person's text, an empty file cancels).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HoldRules, heldValueText, type HeldAnswer } from '../../../src/core/workflow/call-hold.js';
import { CallStates, nextCallState, type CallState, type CallSteering } from '../../../src/core/workflow/call-state.js';
import { editorText, readEdited } from '../../../src/core/workflow/held-edit.js';
import { unlistedHoldWarning } from '../../../src/core/workflow/hold-phase-check.js';
import { acceptHeld, heldCall, holdPhase, HOLD_NEEDS_A_PERSON, replaceHeld, sendBackHeld } from '../../../src/core/workflow/hold-steering.js';
import { acceptCall } from '../../../src/core/workflow/call-steering.js';
import { agentRowState, type RunAgentNode } from '../../../src/core/workflow/run-agent-node.js';
import { err, ok } from '../../../src/core/result.js';
import type { JsonValue } from '../../../src/core/json-value.js';
import type { WorkflowRunsApi } from '../../../src/core/workflow/workflow-runs-api.js';

const steering: CallSteering = { skip: () => 'skipped', accept: () => ({ ok: false, error: 'none' }), sendQueued: () => false, queuedPrompt: () => undefined, replacePrompt: () => false, holdStart: () => undefined };

function runsWith(calls: CallStates, headless = false): WorkflowRunsApi {
  return {
    calls,
    start: () => err('no'),
    stop: () => err('no'),
    find: (ref) => (ref === 'r1' || ref === 'review' ? ok({ id: 'r1', name: 'review', phases: ['Find', 'Verify'] }) : err(`no live run "${ref}"`)),
    live: () => [{ id: 'r1', name: 'review', phases: ['Find', 'Verify'] }],
    continue: () => err('no'),
    ...(headless ? { headless: true as const } : {}),
  };
}

/** A held answer that records what the person did. */
function heldAnswer(value: JsonValue, log: string[], check: (value: JsonValue) => readonly string[] = () => []): HeldAnswer {
  return {
    value,
    schema: true,
    problems: check,
    accept: () => {
      log.push('accept');
      return 'accepted';
    },
    replace: (given) => {
      const wrong = check(given);
      if (wrong.length > 0) return err(wrong.join('; '));
      log.push(`replace ${JSON.stringify(given)}`);
      return ok('replaced');
    },
    sendBack: (note) => {
      log.push(`send ${note}`);
      return ok('sent back');
    },
  };
}

const booleanHolds = (value: JsonValue): readonly string[] =>
  z.object({ holds: z.boolean() }).safeParse(value).success ? [] : ['/holds: must be boolean'];

describe('HoldRules', () => {
  it('holds the named phases of a run (as -t @RUN/PHASE writes them), every phase for all, nothing elsewhere', () => {
    const rules = new HoldRules();
    rules.add('r1', ['verify']);
    expect(rules.holds('r1', 'Verify')).toBe(true);
    expect(rules.holds('r1', 'Review')).toBe(false);
    expect(rules.holds('r1', null)).toBe(false);
    expect(rules.holds('r2', 'Verify')).toBe(false);
    rules.add('r2', ['all']);
    expect(rules.holds('r2', 'Review')).toBe(true);
    expect(rules.holds('r2', null)).toBe(true);
    rules.add('r1', ['Final  check']);
    expect(rules.holds('r1', 'final check')).toBe(true);
    expect(rules.of('r1')).toEqual(['verify', 'Final  check']);
  });
});

describe('the held state of a call', () => {
  it('held is waiting on you until sent back (working) or resolved; the held answer goes with it', () => {
    const working: CallState = { kind: 'working' };
    const held = nextCallState(working, { kind: 'held' });
    expect(held).toEqual({ kind: 'waiting-on-you', reason: 'held' });
    expect(nextCallState(held, { kind: 'agent-state', state: 'idle' })).toEqual(held);
    expect(nextCallState(held, { kind: 'turn-ended', outcome: 'answered', pending: false })).toEqual(held);
    expect(nextCallState(held, { kind: 'sent-back' })).toEqual(working);

    const calls = new CallStates(() => undefined);
    const entry = calls.add('r1', 'Verify', 'skeptic-1', steering);
    entry.observe({ kind: 'started' });
    entry.held = heldAnswer({ holds: true, reason: 'r' }, []);
    entry.observe({ kind: 'held' });
    expect(entry.held).toBeDefined();
    entry.observe({ kind: 'sent-back' });
    expect(entry.held).toBeUndefined();
  });

  it('a held agent is waiting, never stalled, however long it has been silent', () => {
    const node: RunAgentNode = {
      name: 'skeptic-1', key: 'k1', label: 'skeptic-1', phase: 'Verify', model: 'm', startedAt: 0, endedAt: undefined, lastActivity: 0,
      agentState: 'idle', waiting: 'held', end: { kind: 'pending' }, tokensIn: 0, tokensOut: 0, costUsd: 0, unknownCosts: 0,
    };
    expect(agentRowState(node, 3_600_000, 1_000)).toBe('waiting');
  });
});

describe('the hold commands over the runs', () => {
  it('run-hold holds a phase of a live run; headless it is refused; a run not live is named', () => {
    const calls = new CallStates(() => undefined);
    expect(holdPhase(runsWith(calls), 'review', 'Verify')).toEqual(ok('run r1: answers of phase "Verify" now wait for you (y accept · e edit · s send back)'));
    expect(calls.holds.holds('r1', 'verify')).toBe(true);
    expect(holdPhase(runsWith(calls), 'r1', 'all')).toEqual(ok('run r1: answers of every phase now wait for you (y accept · e edit · s send back)'));
    expect(holdPhase(runsWith(calls), 'nope', 'Verify')).toEqual(err('no live run "nope"'));
    // A phase meta does not list is held anyway (phase() may name it), and the answer says so.
    expect(holdPhase(runsWith(calls), 'r1', 'Verfy')).toEqual(
      ok('run r1: answers of phase "Verfy" now wait for you (y accept · e edit · s send back); no phase "Verfy" in meta.phases (Find, Verify); holding it anyway'),
    );
    expect(calls.holds.of('r1')).toContain('Verfy');
    expect(holdPhase(runsWith(calls), 'r1', 'verify')).toEqual(ok('run r1: answers of phase "verify" now wait for you (y accept · e edit · s send back)'));
    expect(holdPhase(runsWith(calls, true), 'r1', 'Verify')).toEqual(err(HOLD_NEEDS_A_PERSON));
    expect(holdPhase(undefined, 'r1', 'Verify')).toEqual(err('workflow runs are not available here'));
  });

  it('accept, replace and send back reach the held answer; a call without one says what it is doing', () => {
    const calls = new CallStates(() => undefined);
    const runs = runsWith(calls);
    const entry = calls.add('r1', 'Verify', 'skeptic-1', steering);
    entry.observe({ kind: 'started' });
    expect(heldCall(runs, 'skeptic-1')).toEqual(err('skeptic-1 has no held answer (its call is working; answers are held only in phases named by --hold or run-hold)'));
    expect(heldCall(runs, 'ghost')).toEqual(err('ghost is not a workflow agent with a pending call'));
    const log: string[] = [];
    entry.held = heldAnswer({ holds: true, reason: 'r' }, log, booleanHolds);
    entry.observe({ kind: 'held' });
    expect(replaceHeld(runs, 'skeptic-1', { holds: 'yes' })).toEqual(err('/holds: must be boolean'));
    expect(replaceHeld(runs, 'skeptic-1', { holds: false, reason: 'edited' })).toEqual(ok('replaced'));
    expect(sendBackHeld(runs, 'skeptic-1', 'look again')).toEqual(ok('sent back'));
    expect(acceptHeld(runs, 'skeptic-1')).toEqual(ok('accepted'));
    // `accept` (the run view's a) takes the held answer too.
    expect(acceptCall(runs, 'skeptic-1')).toEqual(ok('accepted'));
    expect(log).toEqual(['replace {"holds":false,"reason":"edited"}', 'send look again', 'accept', 'accept']);
  });
});

describe('reading an edited held answer', () => {
  const held = { schema: true, problems: booleanHolds };
  const original = heldValueText({ value: { holds: true, reason: 'r' }, schema: true });

  it('a valid edit is the value; unchanged and empty files say so', () => {
    expect(readEdited(held, original, editorText('s1', '{"holds": false, "reason": "no"}\n', []))).toEqual({ kind: 'value', value: { holds: false, reason: 'no' } });
    expect(readEdited(held, original, editorText('s1', original, []))).toEqual({ kind: 'unchanged' });
    expect(readEdited(held, original, editorText('s1', '\n', []))).toEqual({ kind: 'cancelled' });
  });

  it('a value the schema refuses, or no JSON at all, gives the problems and keeps the text as typed', () => {
    const typed = '{"holds": "yes", "reason": "no"}\n';
    expect(readEdited(held, original, editorText('s1', typed, []))).toEqual({ kind: 'wrong', problems: ['/holds: must be boolean'], text: typed });
    const broken = readEdited(held, original, `{"holds": fal`);
    expect(broken).toMatchObject({ kind: 'wrong', text: '{"holds": fal' });
    // The reopened file: the problem above the person's own text, which reads back the same.
    const reopened = editorText('s1', typed, ['/holds: must be boolean']);
    expect(reopened).toContain('// agentmux: your value was not taken');
    expect(reopened).toContain('//   /holds: must be boolean'.replace('//', '// agentmux:'));
    expect(reopened.endsWith(typed)).toBe(true);
  });

  it('a text answer is edited as text, keeping its own ending', () => {
    const text = { schema: false, problems: () => [] };
    expect(readEdited(text, 'the answer', editorText('s1', 'a better answer\n', []))).toEqual({ kind: 'value', value: 'a better answer' });
  });
});

describe('a held phase checked against meta.phases', () => {
  it('warns for a phase meta does not list, written as -t @RUN/PHASE writes titles; all and listed phases pass', () => {
    expect(unlistedHoldWarning(['Find', 'Code Review'], ['code-review', 'FIND', 'all'])).toBeUndefined();
    expect(unlistedHoldWarning(['Find', 'Verify'], ['Verfy'])).toBe('no phase "Verfy" in meta.phases (Find, Verify); holding it anyway');
    expect(unlistedHoldWarning(['Find'], ['Verfy', 'Find', 'Nope'])).toBe('no phase "Verfy", "Nope" in meta.phases (Find); holding them anyway');
    expect(unlistedHoldWarning([], ['Verify'])).toBe('no phase "Verify" in meta.phases (the script lists none); holding it anyway');
  });
});
