// The headless agentmux's `run`/`run-stop` (DESIGN.md §9 Headless): run-stop reaches its one run
// by id, by script name or with no argument; anything else, and `run`, are refused with a reason.
import { describe, expect, it } from 'vitest';
import { headlessRunsApi, type HeadlessRunRef } from '../../../src/app/workflow/headless-control.js';
import { runEndText } from '../../../src/app/workflow/cockpit-runs.js';

function liveRun(): HeadlessRunRef & { readonly reasons: (string | undefined)[] } {
  const reasons: (string | undefined)[] = [];
  return { id: 'ab12cd', name: 'review', phases: ['Find', 'Verify'], reasons, stop: (reason?: string) => reasons.push(reason) };
}

describe('headless run control', () => {
  it('run-stop stops the live run by id, by name or without an argument', () => {
    for (const ref of ['ab12cd', 'review', undefined]) {
      const run = liveRun();
      expect(headlessRunsApi(() => run).stop(ref)).toEqual({ ok: true, value: 'run ab12cd stopped (review)' });
      expect(run.reasons).toEqual(['stopped by run-stop']);
    }
  });

  it("names a run with its controls visible in run-stop's answers", () => {
    const run = { ...liveRun(), name: 're\x1b]0;x\x07view\n' };
    expect(headlessRunsApi(() => run).stop(undefined)).toEqual({ ok: true, value: 'run ab12cd stopped (re␛]0;x␇view␊)' });
    expect(headlessRunsApi(() => run).stop('other')).toEqual({ ok: false, error: 'no live run "other" (live: ab12cd re␛]0;x␇view␊)' });
  });

  it('run-stop of another run, or before the run started, is refused and stops nothing', () => {
    const run = liveRun();
    expect(headlessRunsApi(() => run).stop('other')).toEqual({ ok: false, error: 'no live run "other" (live: ab12cd review)' });
    expect(run.reasons).toEqual([]);
    expect(headlessRunsApi(() => undefined).stop(undefined)).toEqual({ ok: false, error: 'no live run' });
  });

  it('run is refused: a headless agentmux runs one workflow', () => {
    expect(headlessRunsApi(() => liveRun()).start('plan', undefined).ok).toBe(false);
  });

  it('the status bar says a completed run is done, and names the error of any other end', () => {
    expect(runEndText('ab12cd', { status: 'completed', result: null })).toBe('ab12cd: done completed');
    expect(runEndText('ab12cd', { status: 'failed', error: 'boom' })).toBe('ab12cd: failed: boom');
    expect(runEndText('ab12cd', { status: 'not-started', error: 'no worker' })).toBe('ab12cd: did not start: no worker');
    expect(runEndText('ab12cd', { status: 'failed', error: 'two\nlines \x1b[2J' })).toBe('ab12cd: failed: two␊lines ␛[2J');
  });
});
