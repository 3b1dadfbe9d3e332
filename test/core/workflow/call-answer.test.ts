// What `accept` takes (DESIGN.md §9): the last answer as it stands on the active branch (an
// interrupted partial included, edits applied), and with a schema only a valid value.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/json-value.js';
import { err, ok } from '../../../src/core/result.js';
import { acceptedValue, lastAnswerText } from '../../../src/core/workflow/call-answer.js';
import { ChainBuilder, text } from '../factories.js';

/** A check that wants `{score: number}`. */
const scoreCheck = (value: JsonValue): readonly string[] => {
  const score = typeof value === 'object' && value !== null && !Array.isArray(value) && 'score' in value ? Object.entries(value).find(([key]) => key === 'score')?.[1] : undefined;
  return typeof score === 'number' ? [] : ["(root) must have required property 'score'"];
};

describe('accept', () => {
  it('takes the interrupted partial when it is the newest answer', () => {
    const b = new ChainBuilder();
    b.user('review the code');
    b.assistant(text('first try'));
    b.user('look again');
    b.interrupted([text('the bug is in par')]);
    expect(lastAnswerText(b.view())).toBe('the bug is in par');
    expect(acceptedValue('rev', b.view(), undefined)).toEqual(ok('the bug is in par'));
  });

  it('reads an edited answer as edited', () => {
    const b = new ChainBuilder();
    b.user('review');
    const answer = b.assistant(text('wrong'));
    b.edit(answer.id, 'right');
    expect(acceptedValue('rev', b.view(), undefined)).toEqual(ok('right'));
  });

  it('refuses an agent with no answer yet', () => {
    const b = new ChainBuilder();
    b.user('review');
    expect(acceptedValue('rev', b.view(), undefined)).toEqual(err('rev has no answer yet to accept (skip it, or send it a message)'));
  });

  it('with a schema takes the last valid StructuredOutput first, else answer JSON the schema accepts, else names the problem', () => {
    const b = new ChainBuilder();
    b.user('score it');
    b.assistant(text('{"score": 7}'));
    expect(acceptedValue('rev', b.view(), { check: scoreCheck, valid: { json: { score: 9 } } })).toEqual(ok({ score: 9 }));
    expect(acceptedValue('rev', b.view(), { check: scoreCheck, valid: undefined })).toEqual(ok({ score: 7 }));
    b.user('again');
    b.assistant(text('{"points": 7}'));
    expect(acceptedValue('rev', b.view(), { check: scoreCheck, valid: undefined })).toEqual(err("rev: its last answer does not match its schema: (root) must have required property 'score'"));
    b.user('again');
    b.assistant(text('seven out of ten'));
    expect(acceptedValue('rev', b.view(), { check: scoreCheck, valid: undefined })).toEqual(err('rev has no valid StructuredOutput, and its last answer is not JSON its schema accepts'));
  });
});
