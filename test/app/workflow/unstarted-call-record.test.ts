// A call resolved without ever starting an agent (a queued call skipped, or cut by run-stop) has no
// `started` line to say its phase: its `failed` line names it (issue 14), so the run view counts
// the null in its phase — read back from the record as the session browser's run view does.
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkflowAgentHost } from '../../../src/core/workflow/agent-host.js';
import { runTreeFromRecord } from '../../../src/core/workflow/run-tree-from-record.js';
import { makeSandbox, meta, runToEnd, writeScript, type Sandbox } from './run-kit.js';

let sandbox: Sandbox | undefined;
afterEach(() => {
  sandbox?.cleanup();
  sandbox = undefined;
});

/** Answers `done` for an agent it starts; a prompt starting `skip` resolves null without starting one, as `s` on a queued row does. */
const host: WorkflowAgentHost = {
  run: (call, context) => {
    if (call.prompt.startsWith('skip')) return Promise.resolve({ kind: 'null', reason: 'skipped by the user' });
    context.started(call.baseName, `s-${call.baseName}`);
    return Promise.resolve({ kind: 'value', value: 'done' });
  },
  budgetSpent: () => undefined,
  workingAgents: () => [],
};

describe('a call that never started an agent', () => {
  it('its failed line names its phase, and the run view counts it as a null of that phase', async () => {
    sandbox = makeSandbox();
    const ref = writeScript(
      sandbox,
      'review.js',
      `${meta('review', ", phases: [{ title: 'Review' }, { title: 'Verify' }]")}phase('Review');\nawait parallel([() => agent('look', { label: 'reviewer-1' }), () => agent('skip me', { label: 'reviewer-2' })]);\nawait agent('skip this too', { label: 'skeptic-1', phase: 'Verify' });\nreturn 1;\n`,
    );
    const { record } = await runToEnd(sandbox, ref, host);
    const failed = record.lines.filter((line) => line.type === 'failed');
    expect(failed.map((line) => (line.type === 'failed' ? [line.agent, line.phase] : []))).toEqual([
      [null, 'Review'],
      [null, 'Verify'],
    ]);
    const tree = runTreeFromRecord('r', record.lines);
    expect(tree.phases().map((phase) => [phase.title, phase.done, phase.nulls, phase.calls])).toEqual([
      ['Review', 1, 1, 2],
      ['Verify', 0, 1, 1],
    ]);
    expect(tree.counts(0, 60_000)).toMatchObject({ done: 1, nulls: 2 });
  });
});
