// Issue 15: a finished workflow agent steered where its run was not live (a later agentmux) leaves
// no `revised` line; continuing reads its session and serves the answer its later work ended on.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/json-value.js';
import type { RememberedValue } from '../../../src/core/workflow/run-memory.js';
import { answerSince, servedValue } from '../../../src/core/workflow/session-revision.js';
import { STRUCTURED_OUTPUT } from '../../../src/core/workflow/structured-output-tools.js';
import { ChainBuilder, text, toolUse } from '../factories.js';

/** The record's value for the call, recorded at epoch ms `at`. */
function remembered(value: JsonValue, at: number, version = 1): RememberedValue {
  return { value, version, agent: 'find-5', session: 's-find-5', at: new Date(at).toISOString() };
}

/** A session that answered `first` (its call's value, recorded right after). */
function answered(first: string): { b: ChainBuilder; recordedAt: number } {
  const b = new ChainBuilder();
  b.user('find 5');
  const answer = b.assistant(text(first));
  return { b, recordedAt: answer.at };
}

const schema = { type: 'object', properties: { holds: { type: 'boolean' } }, required: ['holds'] } as const;

describe('session revision at continue (issue 15)', () => {
  it('an untouched session serves the recorded value', () => {
    const { b, recordedAt } = answered('done: find 5');
    expect(servedValue(remembered('done: find 5', recordedAt), b.view(), undefined)).toEqual({ value: 'done: find 5', version: 1, revised: false });
  });

  it('a send answered after the value was recorded is the next version', () => {
    const { b, recordedAt } = answered('done: find 5');
    b.user('look again');
    b.assistant(text('done: look again'));
    expect(servedValue(remembered('done: find 5', recordedAt, 2), b.view(), undefined)).toEqual({ value: 'done: look again', version: 3, revised: true });
  });

  it('a message still unanswered, or an interrupted answer, revises nothing (the agent waits on the person)', () => {
    const unanswered = answered('done: find 5');
    unanswered.b.user('look again');
    expect(servedValue(remembered('done: find 5', unanswered.recordedAt), unanswered.b.view(), undefined).revised).toBe(false);
    const cut = answered('done: find 5');
    cut.b.user('look again');
    cut.b.interrupted([text('done: lo')]);
    expect(answerSince(cut.b.view(), cut.recordedAt, undefined)).toBeUndefined();
  });

  it('a rewind then send revises to the new branch; an edit alone (no later work) does not', () => {
    const { b, recordedAt } = answered('done: find 5');
    const [prompt] = b.entries;
    if (prompt === undefined) throw new Error('no prompt');
    b.from(null);
    b.user('find 5 in src/ only');
    b.assistant(text('done: src only'));
    expect(servedValue(remembered('done: find 5', recordedAt), b.view(), undefined)).toMatchObject({ value: 'done: src only', revised: true });
    const edited = answered('done: find 5');
    const [, answer] = edited.b.entries;
    if (answer === undefined) throw new Error('no answer');
    edited.b.edit(answer.id, 'hand-edited');
    expect(servedValue(remembered('done: find 5', edited.recordedAt), edited.b.view(), undefined).revised).toBe(false);
  });

  it('the same answer again is no revision, and a value the person set (held edit) is kept while the session is untouched', () => {
    const { b, recordedAt } = answered('done: find 5');
    b.user('say it again');
    b.assistant(text('done: find 5'));
    expect(servedValue(remembered('done: find 5', recordedAt), b.view(), undefined).revised).toBe(false);
    const held = answered('the agent said this');
    expect(servedValue(remembered('the person edited this', held.recordedAt), held.b.view(), undefined)).toMatchObject({ value: 'the person edited this', revised: false });
  });

  it('with a schema the newest accepted StructuredOutput after the record is the value; a refused one is not', () => {
    const b = new ChainBuilder();
    b.user('verify');
    b.assistant(toolUse('so1', STRUCTURED_OUTPUT, { holds: true }));
    const first = b.result('so1', 'Result accepted: your work is done.', { toolName: STRUCTURED_OUTPUT });
    b.user('it does not hold');
    b.assistant(toolUse('so2', STRUCTURED_OUTPUT, { holds: 'no' }));
    b.result('so2', 'The input does not match the schema', { toolName: STRUCTURED_OUTPUT, isError: true });
    expect(answerSince(b.view(), first.at, schema)).toBeUndefined();
    b.assistant(toolUse('so3', STRUCTURED_OUTPUT, { holds: false }));
    b.result('so3', 'Result accepted: your work is done.', { toolName: STRUCTURED_OUTPUT });
    expect(servedValue(remembered({ holds: true }, first.at), b.view(), schema)).toEqual({ value: { holds: false }, version: 2, revised: true });
    // Key order does not make a new version.
    expect(servedValue(remembered({ holds: false }, first.at), b.view(), schema).revised).toBe(false);
  });

  it('a wrapped (non-object) schema is unwrapped from `value`', () => {
    const b = new ChainBuilder();
    b.user('count');
    b.assistant(text('3'));
    const recordedAt = b.entries.at(-1)?.at ?? 0;
    b.user('count again');
    b.assistant(toolUse('so1', STRUCTURED_OUTPUT, { value: 4 }));
    b.result('so1', 'Result accepted: your work is done.', { toolName: STRUCTURED_OUTPUT });
    expect(servedValue(remembered(3, recordedAt), b.view(), { type: 'integer' })).toEqual({ value: 4, version: 2, revised: true });
  });

  it('no readable session serves the recorded value', () => {
    expect(servedValue(remembered('x', 5), undefined, undefined)).toEqual({ value: 'x', version: 1, revised: false });
  });
});
