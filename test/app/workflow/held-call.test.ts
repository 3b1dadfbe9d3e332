// The review gate on one call (issue 16), over the real controller and the scripted model: a held
// answer reaches the script only when the person accepts it or gives a value its schema accepts;
// sent back, the agent gets the note as its next message (at the model) and works on, and its
// call is working again, its answer gone until the next one is held.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { textOf } from '../../e2e/e2e-kit.js';
import { startHarness, until, type Harness } from '../../integration/harness.js';
import { holdAlpha } from '../held-setup.js';
import { heldCall } from '../../../src/core/workflow/hold-steering.js';
import type { JsonValue } from '../../../src/core/json-value.js';

const booleanHolds = (value: JsonValue): readonly string[] =>
  z.object({ holds: z.boolean() }).safeParse(value).success ? [] : ['/holds: must be boolean'];

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('a held call', () => {
  it('accept gives the script the answer as it stands; nothing is given before', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha'] }));
    const given = holdAlpha(h.controller, { holds: true, reason: 'r' }, booleanHolds);
    expect(given.value).toBeUndefined();
    expect(h.controller.workflows?.calls.find('alpha')?.state).toEqual({ kind: 'waiting-on-you', reason: 'held' });
    expect(h.controller.runs.acceptHeld('alpha')).toEqual({ ok: true, value: "accepted alpha's held answer: the script has it" });
    expect(given.value).toEqual({ holds: true, reason: 'r' });
    expect(given.edited).toBe(false);
  });

  it('an edited value the schema refuses stays held; a valid one is what the script gets', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha'] }));
    const given = holdAlpha(h.controller, { holds: true, reason: 'r' }, booleanHolds);
    const wrong = h.controller.runs.replaceHeld('alpha', { holds: 'yes', reason: 'r' });
    expect(wrong).toEqual({ ok: false, error: 'alpha: the edited value does not match its schema (still held): /holds: must be boolean' });
    expect(given.value).toBeUndefined();
    expect(heldCall(h.controller.workflows, 'alpha').ok).toBe(true);
    expect(h.controller.runs.replaceHeld('alpha', { holds: false, reason: 'edited' }).ok).toBe(true);
    expect(given.value).toEqual({ holds: false, reason: 'edited' });
    // The record's result line marks it (issue 16): the value is the person's, not the agent's.
    expect(given.edited).toBe(true);
  });

  it('hold-value with the answer as it stands accepts it, not marked edited (the same JSON in another key order too)', async () => {
    const h = (harness = await startHarness([], { agents: ['alpha'] }));
    const given = holdAlpha(h.controller, { holds: true, reason: 'r' }, booleanHolds);
    expect(h.controller.runs.replaceHeld('alpha', { reason: 'r', holds: true })).toEqual({ ok: true, value: 'alpha: the value is the answer as it stands: accepted (not marked edited)' });
    expect(given.value).toEqual({ holds: true, reason: 'r' });
    expect(given.edited).toBe(false);
  });

  it('sent back, the agent gets the note at the model and works on; its call is working, nothing given', async () => {
    const h = (harness = await startHarness([{ text: 'looked again' }], { agents: ['alpha'] }));
    const given = holdAlpha(h.controller, 'first answer');
    expect(h.controller.runs.sendBackHeld('alpha', 'look at line 20').ok).toBe(true);
    await until(() => h.model.requests.length === 1 && h.agent('alpha').phase.kind !== 'running', 'the note answered');
    const messages = h.model.requests[0]?.body.messages ?? [];
    const last = messages[messages.length - 1];
    expect(last === undefined ? '' : textOf(last)).toBe('look at line 20');
    expect(given.value).toBeUndefined();
    expect(heldCall(h.controller.workflows, 'alpha').ok).toBe(false);
    expect(h.controller.workflows?.calls.find('alpha')?.state.kind).not.toBe('done');
  });
});
