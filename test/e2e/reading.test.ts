// e2e: reading the transcript — mouse focus and wheel, copy mode with OSC 52 and clipboard.txt,
// `/` search, and a tool call or a thinking in full from copy mode's Enter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paneText, replyScript, typeMessage, useWorld, type World } from './e2e-kit.js';
import { KEYS, mouseClick, mouseSequence, type Driver } from './terminal-driver.js';

const openWorld = useWorld();

/** An answer of `count` numbered lines, with `zanzibar` on line 20. */
function longAnswer(count: number): string {
  return Array.from({ length: count }, (_, i) => (i === 20 ? `row ${i} zanzibar` : `row ${i} text`)).join('\n');
}

async function launchWithLongAlpha(): Promise<{ readonly world: World; readonly app: Driver }> {
  const world = await openWorld({ script: replyScript(() => ({ text: longAnswer(80) })) });
  const app = await world.launch();
  await typeMessage(app, 'alpha', 'long please');
  await app.waitFor('row 79 text');
  return { world, app };
}

describe('agentmux e2e: reading the transcript', { timeout: 90_000 }, () => {
  it('a click focuses the pane under it; the wheel scrolls the pane under the pointer without moving focus; mouse bytes never reach a prompt; the terminal gets mouse reporting back at quit', async () => {
    const { app } = await launchWithLongAlpha();
    expect(app.output()).toContain('\x1b[?1000h');
    app.write(mouseClick(120, 10));
    await app.waitFor('▶ 2 beta');
    expect(app.screen()).not.toContain('▶ 1 alpha');

    app.write(mouseSequence('wheel-up', 20, 10));
    await app.waitFor('↓ 3 more');
    // Two notches in one read (a fast wheel): both count.
    app.write(mouseSequence('wheel-up', 20, 10) + mouseSequence('wheel-up', 20, 10));
    await app.waitFor('↓ 9 more');
    expect(paneText(app.screen(), 0, 2)).not.toContain('row 79 text');
    expect(app.screen()).toContain('▶ 2 beta');

    app.write(KEYS.enter);
    await app.waitFor('message beta');
    // With the box open a click does not move focus; the wheel still scrolls alpha (9 → 6 more);
    // keys typed in the same read as mouse reports reach the box, the reports' bytes do not.
    app.write(`${mouseClick(20, 10)}h${mouseSequence('wheel-down', 20, 10)}i`);
    await app.waitFor('↓ 6 more');
    expect(app.screen()).toContain('▶ 2 beta');
    await app.waitFor(/> hi/);
    expect(app.screen()).not.toMatch(/\[<|<0;|;\d+M/);
    // The box holds text: the first Esc only arms (issue 11 item 7), the second closes it.
    app.write(KEYS.escape);
    await app.waitFor('Esc again closes');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('message beta'), 'the message box to close');
    // A click with the box closed still works (focus did not move while it was open).
    expect(app.screen()).toContain('▶ 2 beta');

    app.write('q');
    expect(await app.exited()).toBe(0);
    const output = app.output();
    expect(output.lastIndexOf('\x1b[?1000l')).toBeGreaterThan(output.lastIndexOf('\x1b[?1000h'));
  });

  it('[ then k, v, k, y copies the two rows above the bottom: clipboard.txt holds them and the terminal got OSC 52', async () => {
    const { world, app } = await launchWithLongAlpha();
    app.write('[');
    await app.waitFor('[copy]');
    await app.waitFor(/COPY/);
    app.write('k');
    app.write('v');
    app.write('k');
    app.write('y');
    await app.waitFor(/copied 2 lines \(OSC 52; also saved to .*clipboard\.txt\)/);
    expect(app.screen()).not.toContain('[copy]');
    const saved = readFileSync(join(world.sessions, 'clipboard.txt'), 'utf8');
    expect(saved).toBe('row 77 text\nrow 78 text');
    expect(app.output()).toContain(`\x1b]52;c;${Buffer.from('row 77 text\nrow 78 text').toString('base64')}\x07`);
  });

  it('/ finds a word above the view and scrolls to it, highlighting; n wraps; Esc ends the search', async () => {
    const { app } = await launchWithLongAlpha();
    expect(paneText(app.screen(), 0, 2)).not.toContain('zanzibar');
    app.write('/');
    await app.waitUntil(() => app.line(-1).startsWith('/'), 'the / input');
    app.write('zanzibar');
    await app.waitUntil(() => app.line(-1).startsWith('/zanzibar'), 'the query');
    app.write(KEYS.enter);
    await app.waitFor(/ SEARCH {2}▶/);
    expect(paneText(app.screen(), 0, 2)).toContain('row 20 zanzibar');
    await app.waitFor('match 1 of 1');
    // The only match is the current one: drawn in inverse (SGR 7), whatever way blessed encodes the attributes.
    const esc = String.fromCharCode(27);
    expect(app.output()).toMatch(new RegExp(`${esc}\\[[0-9;]*\\b7[0-9;]*m(?:${esc}\\[[0-9;]*m)*zanzibar`));
    app.write('n');
    await app.waitFor('wrapped to the bottom');
    app.write(KEYS.escape);
    await app.waitFor(/NORMAL/);
    app.write('/');
    await app.waitUntil(() => app.line(-1).startsWith('/'), 'the / input');
    app.write('nowhere-to-be-found');
    app.write(KEYS.enter);
    await app.waitFor('no match for nowhere-to-be-found');
  });

  it('/ with several matches says "match N of M"; n moves the current match (inverse) while the others stay yellow', async () => {
    const { app } = await launchWithLongAlpha();
    app.write('/');
    await app.waitUntil(() => app.line(-1).startsWith('/'), 'the / input');
    app.write('row 7');
    await app.waitUntil(() => app.line(-1).startsWith('/row 7'), 'the query');
    const before = app.output().length;
    app.write(KEYS.enter);
    // "row 7" and "row 70".."row 79": the newest, row 79, is the 11th from the top.
    await app.waitFor('match 11 of 11');
    app.write('n');
    await app.waitFor('match 10 of 11');
    const esc = String.fromCharCode(27);
    const drawn = app.output().slice(before);
    expect(drawn).toMatch(new RegExp(`${esc}\\[[0-9;]*\\b7[0-9;]*m(?:${esc}\\[[0-9;]*m)*row 7`));
    expect(drawn).toMatch(new RegExp(`${esc}\\[[0-9;]*103[0-9;]*m(?:${esc}\\[[0-9;]*m)*row 7`));
    app.write('N');
    await app.waitFor('match 11 of 11');
  });

  it('Enter on a tool call row in copy mode shows the call’s whole input and output; Esc closes it', async () => {
    const world = await openWorld({
      script: replyScript((lastText) =>
        lastText === 'read it'
          ? { text: 'Reading.', toolUses: [{ name: 'read_file', input: { path: 'README.md' } }] }
          : { text: 'done reading' },
      ),
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'read it');
    await app.waitFor('done reading');
    app.write('[');
    await app.waitFor('[copy]');
    app.write('/');
    await app.waitUntil(() => app.line(-1).startsWith('/'), 'the / input');
    app.write('→ read_file');
    app.write(KEYS.enter);
    await app.waitFor(/COPY .*\/→ read_file/);
    app.write(KEYS.enter);
    await app.waitFor('tool call read_file');
    const screen = app.screen();
    expect(screen).toContain('"path": "README.md"');
    expect(screen).toContain('# tiny-duration');
    expect(screen).toContain('Parse and format human-friendly durations.');
    app.write(KEYS.escape);
    await app.waitUntil((text) => !text.includes('tool call read_file'), 'the details to close');
    await app.waitFor(/COPY/);
    app.write(KEYS.escape);
    await app.waitFor(/NORMAL/);
    expect(app.screen()).not.toContain('[copy]');
  });

  it('Enter on a ✻ thinking row in copy mode shows the whole thinking, not the row cut at the pane (B14); Esc closes it', async () => {
    const thought = `${'Weighing the parser first. '.repeat(20)}ZEBRA-END.`;
    const world = await openWorld({ script: replyScript(() => ({ thinking: thought, text: 'thought it through' })) });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'think');
    await app.waitFor('thought it through');
    expect(app.screen()).not.toContain('ZEBRA-END.');
    app.write('[');
    await app.waitFor('[copy]');
    app.write('/');
    await app.waitUntil(() => app.line(-1).startsWith('/'), 'the / input');
    app.write('✻ thinking');
    app.write(KEYS.enter);
    await app.waitFor(/COPY .*\/✻ thinking/);
    app.write(KEYS.enter);
    await app.waitFor('thinking, in full');
    await app.waitFor('ZEBRA-END.');
    app.write(KEYS.escape);
    await app.waitUntil((text) => !text.includes('thinking, in full'), 'the thinking to close');
    await app.waitFor(/COPY/);
  });

  it('y on a timeline row starts copy mode at that entry; y there copies its row', async () => {
    const { world, app } = await launchWithLongAlpha();
    app.write('r');
    await app.waitFor('timeline of alpha');
    app.write(KEYS.up);
    await app.waitFor('▶ [1.1]    you: long please');
    app.write('y');
    await app.waitFor('[copy]');
    await app.waitFor(/│\[1\] you long please/);
    app.write('y');
    await app.waitFor('copied 1 line');
    expect(readFileSync(join(world.sessions, 'clipboard.txt'), 'utf8')).toBe('[1] you long please');
  });
});
