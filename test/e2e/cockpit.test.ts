// e2e: quit and relaunch on the same store, hostile model text, the help overlay and the `:` prompt;
// `z` (zoom), C-arrows (focus by direction) and a terminal resize re-tiling the panes.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeBranch,
  answerEcho,
  entriesOf,
  gate,
  readJournal,
  replyScript,
  requestConversation,
  runCommand,
  titlesOf,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

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

async function waitForFocus(app: Driver, name: string): Promise<void> {
  await app.waitUntil(() => app.line(-2).includes(`▶ ${name} `), `the focus on ${name}`);
}

describe('agentmux e2e: the cockpit', { timeout: 60_000 }, () => {
  it('q with an agent working asks y; relaunching on the same store shows the transcripts and resends whole histories', async () => {
    const never = gate();
    holds.push(never.release);
    const world = await openWorld({
      script: replyScript((text) =>
        text === 'slow work'
          ? {
              text: 'Working on it NEVER-SENT',
              tokensPerDelta: 3.5,
              hold: { afterDeltas: 1, until: never.until },
            }
          : { text: `answer to ${text}` },
      ),
    });
    const first = await world.launch();
    await typeMessage(first, 'alpha', 'first');
    await first.waitFor('answer to first');
    first.write(KEYS.tab);
    await typeMessage(first, 'beta', 'beta first');
    await first.waitFor('answer to beta first');
    first.write('1');
    await typeMessage(first, 'alpha', 'slow work');
    await world.model.waitForDeltas(2, 1);
    await first.waitFor('Working on it');

    first.write('q');
    await first.waitFor(/1 agent is working \(alpha\)\. Quit\? y/);
    first.write('n'); // any other key cancels
    await first.waitUntil((screen) => !screen.includes('Quit? y'), 'the question to close');
    await waitForState(first, 'alpha', 'streaming');
    first.write('q');
    await first.waitFor('Quit? y');
    first.write('y');
    expect(await first.exited()).toBe(0);
    const quitPartial = entriesOf(readJournal(world.sessions, 'alpha')).find(
      (e) => e.kind === 'interrupted',
    );
    expect(quitPartial).toMatchObject({
      kind: 'interrupted',
      blocks: [{ type: 'text', text: 'Working on it ' }],
    });

    const second = await world.launch();
    await second.waitFor('answer to first');
    await second.waitFor('Working on it');
    await second.waitFor('answer to beta first');
    await second.waitFor(/\[2\] you slow work/);
    await typeMessage(second, 'alpha', 'go on');
    await second.waitFor('answer to go on');
    const alpha = requestConversation(world.model, 3);
    expect(alpha).toEqual([
      { role: 'user', text: 'first' },
      { role: 'assistant', text: 'answer to first' },
      { role: 'user', text: 'slow work' },
      { role: 'assistant', text: 'Working on it ' },
      // The partial never ends a request: a note says why it stopped, then the new message.
      { role: 'user', text: '(interrupted: quit)\ngo on' },
    ]);
    second.write(KEYS.tab);
    await typeMessage(second, 'beta', 'beta again');
    await second.waitFor('answer to beta again');
    expect(requestConversation(world.model, 4)).toEqual([
      { role: 'user', text: 'beta first' },
      { role: 'assistant', text: 'answer to beta first' },
      { role: 'user', text: 'beta again' },
    ]);
    expect(world.model.rejections).toEqual([]);

    // Nobody working: q quits at once.
    await waitForState(second, 'beta', 'idle');
    second.write('q');
    expect(await second.exited()).toBe(0);
  });

  it('escape sequences, C1 controls, bidi overrides and {tags} in model text are drawn inert', async () => {
    const hostile = [
      'SAFE-START {red-fg}RED{/red-fg} {bold}B{/bold}',
      '\x1b[2J\x1b[1;1H\x1b[?1049lCLEAR-AFTER',
      'osc \x1b]52;c;aGVsbG8=\x07 OSC-DONE \x1b]0;pwned-title\x07',
      'bidi \u202eEDIR\u202c BIDI-DONE',
      'c1 \u009b2J\u009d0;x\u009c C1-DONE',
      'cursor \x1b[10A\x1b[5Cmoved \x1b[31mcolour\x1b[0m END-MARK',
    ].join('\n');
    const world = await openWorld({ script: [{ text: hostile }] });
    const app = await world.launch();
    const before = app.output().length;
    await typeMessage(app, 'alpha', 'say something nasty');
    await app.waitFor('END-MARK');
    await waitForState(app, 'alpha', 'idle');
    const screen = app.screen();
    expect(screen).toContain('{red-fg}RED{/red-fg} {bold}B{/bold}');
    for (const marker of [
      'SAFE-START',
      'CLEAR-AFTER',
      'OSC-DONE',
      'BIDI-DONE',
      'C1-DONE',
      '[1] you say something nasty',
    ]) {
      expect(screen).toContain(marker);
    }
    expect(screen).not.toContain('pwned-title');
    expect(screen).not.toContain('aGVsbG8=');
    // Borders intact: every pane row starts and ends with a border, the frame closes above the status bar.
    const rows = screen.split('\n');
    expect(rows[0]).toMatch(/^┌ ▶ 1 alpha .*┐┌ 2 beta .*┐$/);
    for (const row of rows.slice(1, rows.length - 3)) expect(row).toMatch(/^│.*││.*│$/);
    expect(rows[rows.length - 3]).toMatch(/^└─+┘└─+┘$/);
    // What reached the terminal after the message carried none of the hostile controls.
    const written = app.output().slice(before);
    for (const bad of [
      '\x1b]52',
      '\x1b]0;',
      '\u202e',
      '\u009b',
      '\u009d',
      '\x1b[2J',
      '\x1b[?1049l',
      '\x1b[10A',
    ]) {
      expect(written.includes(bad), JSON.stringify(bad)).toBe(false);
    }
    // The journal keeps the model's text as it came: sanitising is for drawing only.
    const answer = activeBranch(readJournal(world.sessions, 'alpha'))[1];
    expect(answer).toMatchObject({ kind: 'assistant', blocks: [{ type: 'text', text: hostile }] });
  });

  it('? shows the help generated from the key table; Esc closes it (and the message box, the prompt) without interrupting the stream', async () => {
    const middle = gate();
    holds.push(middle.release);
    const world = await openWorld({
      script: [
        {
          text: 'Still going strong, all the way to the end.',
          hold: { afterDeltas: 1, until: middle.until },
        },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'work');
    await world.model.waitForDeltas(0, 1);
    await app.waitFor('Still going');
    app.write('?');
    await app.waitFor('this help');
    for (const line of [
      /Esc +interrupt +interrupt the focused agent/,
      /b +compose --broadcast +broadcast a nudge to every agent/,
      /q +quit +quit/,
    ]) {
      await app.waitFor(line);
    }
    // The command usage lines follow every mode's keys, at the end.
    app.write('G');
    // The list grows with each command, so only its last lines are asserted (G shows the end).
    await app.waitFor(/session-rename ID NAME +rename a stored session/);
    await app.waitFor(/ quit +quit agentmux/);
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('this help'), 'the help to close');
    // The same for the message box and the prompt: Esc closes them and does nothing else.
    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('message alpha'), 'the message box to close');
    app.write(':');
    await app.waitUntil(() => app.line(-1).startsWith(':'), 'the prompt');
    app.write(KEYS.escape);
    await app.waitUntil(() => app.line(-2).startsWith(' NORMAL '), 'normal mode');
    await waitForState(app, 'alpha', 'streaming');
    expect(world.model.connectionsClosedEarly).toBe(0);
    middle.release();
    await app.waitFor('all the way to the end.');
    await waitForState(app, 'alpha', 'idle');
    const branch = activeBranch(readJournal(world.sessions, 'alpha'));
    expect(branch.map((e) => e.kind)).toEqual(['user', 'assistant']);
  });

  it(': opens the prompt at once on the bottom line; keys typed right after it land in the prompt', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write(':');
    await app.waitUntil(() => app.line(-1).startsWith(':'), 'the prompt on the bottom line');
    app.write(KEYS.escape);
    await app.waitUntil(() => !app.line(-1).startsWith(':'), 'Esc to close the prompt');

    // One write: the prompt must be open before the next character is read.
    app.write(':send -t beta  two  spaces > kept');
    await app.waitUntil(
      () => app.line(-1) === ':send -t beta  two  spaces > kept',
      'the whole line on the prompt',
    );
    app.write(KEYS.enter);
    await app.waitFor('answer to two  spaces > kept');
    expect(requestConversation(world.model, 0)).toEqual([
      { role: 'user', text: 'two  spaces > kept' },
    ]);
    await runCommand(app, 'send -t alpha hi');
    await app.waitFor('answer to hi');

    // A command that opens an overlay: the status bar names the mode until Esc closes it.
    await runCommand(app, 'session-browser');
    await app.waitFor('sessions in the store');
    await app.waitFor(/alpha +claude-\S+ +1 /);
    await app.waitFor(/beta +claude-\S+ +1 /);
    await app.waitUntil(
      () => app.line(-2).startsWith(' SESSIONS '),
      'the status bar to say SESSIONS',
    );
    app.write(KEYS.escape);
    await app.waitUntil(
      (screen) => !screen.includes('sessions in the store') && app.line(-2).startsWith(' NORMAL '),
      'the session list to close',
    );
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
});
