// DESIGN.md §9 Naming: workflow sessions are grouped under their run in the session browser, not
// listed as loose sessions; a run is one row until unfolded, its agents under it in start order.
import { describe, expect, it } from 'vitest';
import { browserRows, type BrowserRow } from '../../src/app/session-browser-groups.js';
import type { SessionSummary } from '../../src/core/store.js';
import type { RunSummary } from '../../src/core/workflow/run-summary.js';

const NOW = 1_800_000_000_000;
const MIN = 60_000;

function session(name: string, minutesAgo: number, run?: string, created = NOW - minutesAgo * MIN): SessionSummary {
  return {
    id: `id-${name}`,
    name,
    model: 'claude-sonnet-4-5',
    created,
    updated: NOW - minutesAgo * MIN,
    turns: 1,
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.01,
    unknownCosts: 0,
    budget: {},
    ...(run === undefined ? {} : { run }),
  };
}

function run(id: string, name: string, minutesAgo: number, agents: number): RunSummary {
  return { id, name, status: 'completed', started: NOW - (minutesAgo + 5) * MIN, updated: NOW - minutesAgo * MIN, agents };
}

function shape(rows: readonly BrowserRow[]): string[] {
  return rows.map((row) => (row.kind === 'run' ? `run ${row.run.id}${row.folded ? ' (folded)' : ''}` : `${row.text.startsWith('● ') ? '●' : ''}${row.session.name}`));
}

describe('session browser rows with runs', () => {
  const sessions = [
    session('main', 1),
    session('reviewer-b', 20, 'r1', NOW - 30 * MIN),
    session('reviewer-a', 25, 'r1', NOW - 31 * MIN),
    session('old', 60),
    session('planner', 3, 'r2'),
  ];
  const runs = [run('r1', 'review', 19, 2), run('r2', 'plan', 2, 1)];

  it('lists each run as one row among the loose sessions, newest activity first, its agents hidden while folded', () => {
    const rows = browserRows({ sessions, runs, openIds: new Set(), unfolded: new Set(), now: NOW });
    expect(shape(rows)).toEqual(['main', 'run r2 (folded)', 'run r1 (folded)', 'old']);
    const head = rows[2];
    expect(head?.kind === 'run' ? head.sessions.map((s) => s.name) : []).toEqual(['reviewer-a', 'reviewer-b']);
    expect(head?.text).toMatch(/^▸ review r1\s+completed · 2 agents\s+2\s+200\/40\s+\$0\.020\s+19 min ago$/u);
  });

  it('puts an unfolded run’s agents under it in start order, indented, marking those open in a pane', () => {
    const rows = browserRows({ sessions, runs, openIds: new Set(['id-reviewer-b']), unfolded: new Set(['r1']), now: NOW });
    expect(shape(rows)).toEqual(['main', 'run r2 (folded)', 'run r1', 'reviewer-a', '●reviewer-b', 'old']);
    expect(rows[3]?.text.startsWith('    reviewer-a ')).toBe(true);
    expect(rows[2]?.text.startsWith('▾ review r1')).toBe(true);
  });

  it('gives sessions of a run without a record a row for their run all the same; a run with no agent is listed too', () => {
    const rows = browserRows({ sessions: [session('lost-1', 5, 'gone'), session('solo', 1)], runs: [run('empty', 'hello', 10, 0)], openIds: new Set(), unfolded: new Set(['gone']), now: NOW });
    expect(shape(rows)).toEqual(['solo', 'run gone', 'lost-1', 'run empty (folded)']);
    const lost = rows[1];
    expect(lost?.kind === 'run' ? lost.run.status : '').toBe('no record');
    expect(rows[3]?.text).toMatch(/completed · 0 agents .* - {2}/u);
  });

  it("shows a run's name with its controls visible (␛, ␊), never raw", () => {
    const rows = browserRows({ sessions: [], runs: [run('r9', 're\x1b]0;x\x07view\n', 1, 0)], openIds: new Set(), unfolded: new Set(), now: NOW });
    expect(rows[0]?.text.startsWith('▸ re␛]0;x␇view␊ r9')).toBe(true);
  });
});
