// e2e: the normal-mode keys that had no end-to-end test: `X` (interrupt all), `z` (zoom),
// C-arrows (focus by direction), a terminal resize, and the bell on awaiting approval.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeBranch,
  answerEcho,
  entriesOf,
  eventually,
  gate,
  readJournal,
  replyScript,
  runCommand,
  titlesOf,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import type { Driver } from './terminal-driver.js';

const openWorld = useWorld();
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
});

/** The bytes an xterm sends for Ctrl plus an arrow key. */
const CTRL_ARROW = {
  up: '\x1b[1;5A',
  down: '\x1b[1;5B',
  right: '\x1b[1;5C',
  left: '\x1b[1;5D',
} as const;

/** How many BEL bytes the program wrote outside OSC sequences (which also end in BEL). */
function bellsIn(output: string): number {
  let bells = 0;
  for (let at = 0; at < output.length; at++) {
    if (output.startsWith('\x1b]', at)) {
      // An OSC runs to BEL or to the string terminator, ESC backslash.
      const bel = output.indexOf('\x07', at);
      const st = output.indexOf('\x1b\\', at);
      const ends = [bel, st].filter((index) => index >= 0);
      if (ends.length === 0) break;
      at = Math.min(...ends);
      if (at === st) at += 1;
    } else if (output[at] === '\x07') {
      bells += 1;
    }
  }
  return bells;
}

async function waitForFocus(app: Driver, name: string): Promise<void> {
  await app.waitUntil(() => app.line(-2).includes(`▶ ${name} `), `the focus on ${name}`);
}

describe('agentmux e2e: keys without a test so far', { timeout: 60_000 }, () => {
  it('X interrupts only the agents at work and says so on one status line', async () => {
    const never = gate();
    holds.push(never.release);
    const world = await openWorld({
      agents: ['alpha', 'beta', 'gamma'],
      script: replyScript((text) =>
        text.startsWith('long')
          ? { text: 'Working NEVER-SENT', tokensPerDelta: 2, hold: { afterDeltas: 1, until: never.until } }
          : { text: `answer to ${text}` },
      ),
    });
    const app = await world.launch();
    // Nobody working: X says so and touches nothing.
    app.write('X');
    await app.waitUntil(() => app.line(-2).endsWith('no agent is working: nothing to interrupt'), 'the nothing-to-interrupt line');

    app.write('2');
    await typeMessage(app, 'beta', 'quick one');
    await app.waitFor('answer to quick one');
    await waitForState(app, 'beta', 'idle');
    app.write('1');
    await typeMessage(app, 'alpha', 'long alpha');
    app.write('3');
    await typeMessage(app, 'gamma', 'long gamma');
    // Requests 1 (alpha) and 2 (gamma) each sent their first delta and hold the rest.
    await world.model.waitForDeltas(1, 1, 30_000);
    await world.model.waitForDeltas(2, 1, 30_000);
    await waitForState(app, 'alpha', 'streaming');
    await waitForState(app, 'gamma', 'streaming');

    app.write('X');
    await app.waitUntil(() => app.line(-2).endsWith('│ interrupted alpha, gamma'), 'one status line naming alpha and gamma');
    await waitForState(app, 'alpha', 'idle');
    await waitForState(app, 'gamma', 'idle');
    await world.model.waitFor(() => world.model.connectionsClosedEarly === 2);
    expect(app.screen()).not.toContain('NEVER-SENT');

    const sessions = world.sessions;
    for (const agent of ['alpha', 'gamma']) {
      const branch = await eventually(
        () => activeBranch(readJournal(sessions, agent)),
        (b) => b.length === 2,
        `${agent}'s interrupted partial`,
      );
      expect(branch[1]).toMatchObject({ kind: 'interrupted', reason: 'interrupted by the user' });
    }
    // beta was idle: its answer stands and nothing was added.
    expect(entriesOf(readJournal(sessions, 'beta')).map((e) => e.kind)).toEqual(['user', 'assistant']);
    expect(world.model.requests).toHaveLength(3);
  });

  it('z zooms the focused pane to the whole pane area (the others hidden); z again restores the tiling', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write('2');
    await typeMessage(app, 'beta', 'zoom me');
    await app.waitFor('answer to zoom me');
    const cols = app.line(0).length;
    expect(titlesOf(app.screen())).toEqual(['1 alpha', '▶ 2 beta']);

    app.write('z');
    // The whole frame, not just its top row: a frame can reach the terminal in several reads.
    await app.waitUntil((screen) => {
      const rows = screen.split('\n');
      return titlesOf(screen).join() === '▶ 2 beta' && /^└─+┘$/.test(rows[rows.length - 3] ?? '') && /zoomed: z unzooms/.test(rows[rows.length - 2] ?? '');
    }, 'beta alone on screen, its frame whole');
    const zoomed = app.screen().split('\n');
    // One frame from the left edge to the right edge, closing just above the status bar.
    expect(zoomed[0]).toMatch(/^┌ ▶ 2 beta · idle .*┐$/);
    expect([...(zoomed[0] ?? '')]).toHaveLength(cols);
    expect(zoomed[zoomed.length - 3]).toMatch(/^└─+┘$/);
    expect([...(zoomed[zoomed.length - 3] ?? '')]).toHaveLength(cols);
    expect(app.screen()).not.toContain('alpha ·');
    expect(app.line(-2)).toMatch(/^ NORMAL +▶ beta \[zoomed: z unzooms\] /);

    app.write('z');
    await app.waitUntil((screen) => titlesOf(screen).join() === '1 alpha,▶ 2 beta' && !(screen.split('\n').at(-2) ?? '').includes('zoomed:'), 'both panes again');
    expect(app.line(0)).toMatch(/^┌ 1 alpha .*┐┌ ▶ 2 beta .*┐$/);
    expect(app.line(-2)).not.toContain('zoomed');
  });

  it('C-arrows move the focus by direction in a 2×2 tiling (and stay put at an edge)', async () => {
    const world = await openWorld({ agents: ['alpha', 'beta', 'gamma', 'delta'], script: [] });
    const app = await world.launch();
    await runCommand(app, 'tiling tiled');
    // Two rows of two: alpha beta over gamma delta.
    await app.waitUntil((screen) => screen.split('\n').filter((row) => row.startsWith('┌')).length === 2, 'a 2×2 grid');
    const rows = app.screen().split('\n').filter((row) => row.startsWith('┌'));
    expect(titlesOf(rows[0] ?? '')).toEqual(['▶ 1 alpha', '2 beta']);
    expect(titlesOf(rows[1] ?? '')).toEqual(['3 gamma', '4 delta']);

    const moves: [keyof typeof CTRL_ARROW, string][] = [
      ['left', 'alpha'], // the left edge: nothing further left
      ['right', 'beta'],
      ['down', 'delta'],
      ['left', 'gamma'],
      ['down', 'gamma'], // the bottom edge
      ['up', 'alpha'],
      ['down', 'gamma'],
      ['right', 'delta'],
      ['up', 'beta'],
    ];
    for (const [direction, expected] of moves) {
      app.write(CTRL_ARROW[direction]);
      await waitForFocus(app, expected);
      await app.waitFor(new RegExp(`┌ ▶ \\d ${expected} ·`));
    }
    expect(world.model.requests).toHaveLength(0);
  });

  it('a terminal resize re-tiles the panes to the new size and keeps the status bar on the bottom lines', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'before the resize');
    await app.waitFor('answer to before the resize');

    for (const [cols, rows] of [
      [100, 30],
      [190, 52],
    ] as const) {
      app.resize(cols, rows);
      await app.waitUntil(
        (screen) => {
          const lines = screen.split('\n');
          const top = [...(lines[0] ?? '')];
          return top.length === cols && (lines[rows - 3] ?? '').startsWith('└') && app.line(-2).startsWith(' NORMAL ');
        },
        `the layout for ${cols}×${rows}`,
      );
      const lines = app.screen().split('\n');
      expect(lines).toHaveLength(rows);
      // Two columns of half the width each, closing just above the two status rows.
      const half = Math.floor(cols / 2);
      const top = [...(lines[0] ?? '')];
      expect(top.slice(half - 1, half + 1).join('')).toBe('┐┌');
      expect(lines[0]).toMatch(/^┌ ▶ 1 alpha · idle .*┐┌ 2 beta · idle .*┐$/);
      expect(lines[rows - 3]).toBe(`└${'─'.repeat(half - 2)}┘└${'─'.repeat(cols - half - 2)}┘`);
      for (const row of lines.slice(1, rows - 3)) expect(row).toMatch(/^│.*││.*│$/);
      expect(app.line(-2)).toMatch(/^ NORMAL +▶ alpha /);
      expect(app.line(-1)).toMatch(/^ Enter msg /);
      expect(app.screen()).toContain('answer to before the resize');
    }
  });

  it('the terminal bell rings once each time an agent starts awaiting approval', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        { text: 'First file.', toolUses: [{ name: 'write_file', input: { path: 'one.txt', content: '1\n' } }] },
        { text: 'Second file.', toolUses: [{ name: 'write_file', input: { path: 'two.txt', content: '2\n' } }] },
        { text: 'Both written.' },
      ],
    });
    const app = await world.launch();
    expect(bellsIn(app.output())).toBe(0);
    await typeMessage(app, 'alpha', 'write two files');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('write_file one.txt');
    expect(bellsIn(app.output())).toBe(1);
    // Frames drawn while it waits (a key, a repaint) do not ring again.
    app.write('?');
    await app.waitFor('this help');
    app.write('\x1b');
    await app.waitUntil((screen) => !screen.includes('this help'), 'the help to close');
    expect(bellsIn(app.output())).toBe(1);

    app.write('y');
    await app.waitFor('write_file two.txt');
    await waitForState(app, 'alpha', 'awaiting-approval');
    expect(bellsIn(app.output())).toBe(2);
    app.write('y');
    await app.waitFor('Both written.');
    await waitForState(app, 'alpha', 'idle');
    expect(bellsIn(app.output())).toBe(2);
  });
});
