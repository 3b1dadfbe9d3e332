// The run view shows a script's controls visibly (issue 9): a run name, phase title, agent
// label or log line holding an escape sequence reads `␛]0;…` on screen, never dropped or sent raw.
import { describe, expect, it } from 'vitest';
import { hasHiddenControls } from '../../src/core/visible-controls.js';
import { RunTree } from '../../src/core/workflow/run-tree.js';
import { RunViewState } from '../../src/core/workflow/run-tree-rows.js';
import { treeRowRuns } from '../../src/view/run-view-text.js';

const at = '2026-12-07T15:00:00.000Z';
const OSC = '\u001b]0;pwned\u0007';

describe('run view text', () => {
  it('shows controls in run names, phase titles, labels and log lines as visible pictures', () => {
    const tree = new RunTree('r1', `audit${OSC}`, 0);
    tree.applyRecord({ type: 'meta', at, run: 'r1', name: `audit${OSC}`, description: 'd', phases: [{ title: `Work${OSC}` }], script: 'f.js' }, 0);
    tree.applyRecord({ type: 'phase', at, title: `Work${OSC}` }, 0);
    tree.applyRecord({ type: 'started', at, agent: 'w-1', session: 's1', key: 'k1', label: `worker${OSC}` }, 0, 'haiku');
    tree.applyRecord({ type: 'log', at, text: `note \u001b[2J\u009b31m done` }, 0);
    const state = new RunViewState(60_000);
    const text = state.rows([tree], 0).map((row) => treeRowRuns(row, 0, 60_000).map((run) => run.text).join('')).join('\n');
    expect(text).toContain('audit␛]0;pwned␇');
    expect(text).toContain('Work␛]0;pwned␇');
    expect(text).toContain('worker␛]0;pwne');
    expect(text).toContain('note ␛[2J<U+009B>31m done');
    expect(hasHiddenControls(text)).toBe(false);
  });
});
