// The graft picker's and the session browser's flows without a screen (issue 10): the real
// controller over the scripted model, each flow driven by the actions its keys' command lines
// name (graft-picker-move/-do, session-browser-move/-do), and what it draws read from its model.
import { afterEach, describe, expect, it } from 'vitest';
import { GraftPickerFlow } from '../../src/app/graft-picker.js';
import { SessionBrowserFlow } from '../../src/app/session-browser.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { KeyPress } from '../../src/view/overlays/overlay.js';
import { startHarness, type Harness } from '../integration/harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const NOW = 1_800_000_000_000;

/** alpha with nothing yet, beta with three turns. */
async function twoAgents(): Promise<Harness> {
  const h = (harness = await startHarness([{ text: 'one' }, { text: 'two' }, { text: 'three' }], { agents: ['alpha', 'beta'], now: () => NOW }));
  for (const text of ['first', 'second', 'third']) {
    h.controller.delivery.send('beta', text);
    await h.settled('beta');
  }
  return h;
}

function typed(ch: string): KeyPress {
  return { full: ch, name: ch, ch, ctrl: false, meta: false, shift: false };
}

describe('graft picker flow', () => {
  it('picks a source, then FROM and TO with Enter, and decides the graft line with the turns previewed', async () => {
    const h = await twoAgents();
    const flow = new GraftPickerFlow(h.controller, 'alpha', () => NOW);
    const sources = flow.model();
    expect(sources.title).toBe('graft into alpha — pick a source');
    expect(sources.rows.map((row) => row.text)).toEqual([expect.stringMatching(/^agent +beta +3 turns$/), 'transcript file…']);
    expect(flow.enter()).toEqual({ kind: 'keep' });
    const range = flow.model();
    expect(range.title).toBe('graft into alpha from beta — pick turns FROM..TO');
    expect(range.rows).toHaveLength(3);
    expect(flow.enter()).toEqual({ kind: 'keep' });
    flow.move({ kind: 'rows', rows: 2 });
    const chosen = flow.model();
    expect(chosen.previewTitle).toBe('appends turns 1..3 as alpha will show them:');
    expect(chosen.rows.map((row) => row.marked)).toEqual([true, true, true]);
    expect(flow.enter()).toEqual({ kind: 'graft', line: 'graft -t alpha beta 1..3' });
  });

  it('takes a typed range, refuses one that is not FROM..TO, and Esc steps back to the sources, then closes', async () => {
    const h = await twoAgents();
    const flow = new GraftPickerFlow(h.controller, 'alpha', () => NOW);
    flow.enter();
    for (const ch of '2..') flow.type(typed(ch));
    expect(flow.enter()).toEqual({ kind: 'keep' });
    expect(flow.model()).toMatchObject({ hint: '"2.." is not FROM..TO (e.g. 2..4) · typed 2..', hintIsError: true });
    flow.type(typed('3'));
    expect(flow.enter()).toEqual({ kind: 'graft', line: 'graft -t alpha beta 2..3' });
    expect(flow.back()).toEqual({ kind: 'keep' });
    expect(flow.model().hint).not.toContain('typed');
    expect(flow.back()).toEqual({ kind: 'keep' });
    expect(flow.model().title).toBe('graft into alpha — pick a source');
    expect(flow.back()).toEqual({ kind: 'close' });
  });

  it('asks for a file on the last row and reports a source that cannot be read', async () => {
    const h = await twoAgents();
    const flow = new GraftPickerFlow(h.controller, 'alpha', () => NOW);
    flow.move({ kind: 'end', end: 'bottom' });
    expect(flow.enter()).toEqual({ kind: 'ask-file' });
    expect(flow.choose('/no/such/file.jsonl')).toBe(false);
    expect(flow.model()).toMatchObject({ hintIsError: true });
  });
});

describe('session browser flow', () => {
  it('opens, refuses to trash an open session, trashes a closed one and restores it from the trash view', async () => {
    const h = await twoAgents();
    const closed = dispatch(h.controller, 'close -t beta');
    expect(closed.kind).toBe('ok');
    const flow = new SessionBrowserFlow(h.controller, () => NOW);
    const names = (): string[] => flow.model().rows.map((row) => row.trim().split(/\s+/).filter((word) => word !== '●')[0] ?? '');
    // One clock for both: the tie sorts by name.
    expect(names()).toEqual(['alpha', 'beta']);
    // alpha is open in a pane: Enter focuses it, d refuses.
    expect(flow.act('open')).toEqual({ kind: 'focus', name: 'alpha' });
    expect(flow.act('trash')).toEqual({ kind: 'refused', error: 'alpha is open in a pane: close it first (:close -t alpha)' });
    expect(flow.model()).toMatchObject({ hint: 'alpha is open in a pane: close it first (:close -t alpha)', hintIsError: true });
    // beta is not: Enter opens it by id, d asks to trash it.
    flow.move({ kind: 'end', end: 'bottom' });
    const beta = h.controller.storedSessions.list().find((session) => session.name === 'beta');
    expect(beta).toBeDefined();
    expect(flow.act('open')).toEqual({ kind: 'open', sessionId: beta?.id });
    expect(flow.act('trash')).toMatchObject({ kind: 'delete', row: { session: { name: 'beta' } } });
    expect(flow.act('restore')).toEqual({ kind: 'refused', error: 'r restores a session from the trash: t shows the trash' });
    expect(flow.model().hint).toBe('r restores a session from the trash: t shows the trash');
    const trashed = h.controller.storedSessions.trash(beta?.id ?? '');
    expect(trashed.ok).toBe(true);
    flow.report(trashed.ok ? { ok: true, value: trashed.value } : trashed);
    expect(names()).toEqual(['alpha']);
    flow.act('trash-view');
    expect(flow.model().title).toMatch(/^trash \(1\)/);
    expect(flow.act('restore')).toEqual({ kind: 'restore', sessionId: beta?.id });
    expect(flow.act('close')).toEqual({ kind: 'close' });
  });
});

describe('session browser flow on a run row', () => {
  it('→ unfolds a run and leaves it unfolded when pressed again; Space unfolds and folds; ← folds', async () => {
    const h = await twoAgents();
    const run = { id: 'r1', name: 'review', status: 'completed', started: NOW - 60_000, updated: NOW, agents: 0 } as const;
    const flow = new SessionBrowserFlow(h.controller, () => NOW, () => [run]);
    const runRow = (): string => flow.model().rows.find((row) => row.includes('review r1')) ?? '';
    flow.move({ kind: 'rows', rows: flow.model().rows.findIndex((row) => row.includes('review r1')) });
    expect(flow.model().rows[flow.model().selected]).toBe(runRow());
    expect(runRow()).toMatch(/^▸/);
    flow.act('unfold');
    expect(runRow()).toMatch(/^▾/);
    // The walk in tmux: a second → folded the run again (→ was Space's toggle).
    flow.act('unfold');
    expect(runRow()).toMatch(/^▾/);
    flow.act('toggle');
    expect(runRow()).toMatch(/^▸/);
    flow.act('toggle');
    expect(runRow()).toMatch(/^▾/);
    flow.act('fold');
    expect(runRow()).toMatch(/^▸/);
  });
});
