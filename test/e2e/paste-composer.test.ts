// e2e through the real binary in a real pty (issue 11: B2, B3, item 7): a bracketed three-line
// paste holding `:new` lands in the composer and runs nothing; Enter sends it as one message with
// its lines; C-u, C-f and M-z change nothing; Esc keeps a draft; ↑ recalls a message after a restart.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeBranch, answerEcho, readJournal, titlesOf, useWorld, waitForState } from './e2e-kit.js';
import { KEYS } from './terminal-driver.js';

const openWorld = useWorld();

describe('agentmux e2e: paste, chords and the composer', { timeout: 90_000 }, () => {
  it('a pasted ":new" line goes into the composer as text; Enter sends all three lines to the agent', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write('\x1b[200~line one\r:new two\rline three\x1b[201~');
    await app.waitFor('message alpha');
    await app.waitFor('  :new two');
    await app.waitFor('  line three');
    expect(app.line(-2)).toContain('MESSAGE');
    expect(titlesOf(app.screen())).toHaveLength(2);
    app.write(KEYS.enter);
    await app.waitUntil((screen) => !screen.includes('message alpha'), 'the composer to close');
    await app.waitFor('answer to line one');
    await waitForState(app, 'alpha', 'idle');
    const users = activeBranch(readJournal(world.sessions, 'alpha')).filter((entry) => entry.kind === 'user');
    expect(users.map((entry) => ('text' in entry ? entry.text : ''))).toEqual(['line one\n:new two\nline three']);
    expect(titlesOf(app.screen())).toHaveLength(2);
  });

  it('C-u, C-f and M-z do nothing but say so; Esc keeps the draft, and ↑ recalls a sent message after a restart', async () => {
    const world = await openWorld({ script: answerEcho });
    let app = await world.launch();
    for (const [bytes, name] of [
      ['\x15', 'C-u'],
      ['\x06', 'C-f'],
      ['\x1bz', 'M-z'],
    ] as const) {
      app.write(bytes);
      await app.waitUntil(() => app.line(-2).includes(`${name} is not bound`), `the ${name} notice`);
    }
    expect(titlesOf(app.screen())).toEqual(['▶ 1 alpha', '2 beta']);
    expect(app.screen()).not.toContain('zoomed');
    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write('first message');
    await app.waitFor('> first message');
    app.write(KEYS.enter);
    await app.waitFor('answer to first message');
    await waitForState(app, 'alpha', 'idle');
    app.write(KEYS.enter);
    await app.waitFor('message alpha');
    app.write('a draft');
    await app.waitFor('> a draft');
    app.write(KEYS.escape);
    await app.waitFor('Esc again closes');
    app.write(KEYS.escape);
    await app.waitUntil(() => app.line(-2).includes('draft kept for alpha'), 'the draft notice');
    expect(existsSync(join(world.sessions, 'composer.json'))).toBe(true);
    app.write(':quit\r');
    await app.exited();
    app = await world.launch();
    app.write(KEYS.enter);
    await app.waitFor('> a draft');
    app.write(KEYS.up);
    await app.waitFor('> first message');
    app.write(KEYS.down);
    await app.waitFor('> a draft');
  });
});
