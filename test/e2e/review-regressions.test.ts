// e2e regressions found by review: what the status bar says after `b` and in the timeline opened
// by `e`, and a layout agent that cannot start.
import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import {
  answerEcho,
  typeMessage,
  useWorld,
} from './e2e-kit.js';
import { KEYS } from './terminal-driver.js';

const openWorld = useWorld();

const echo = answerEcho;

describe('agentmux e2e: review regressions', { timeout: 60_000 }, () => {
  it('the timeline opened by e says in the status bar that Enter edits, not that it rewinds', async () => {
    const world = await openWorld({ script: echo, agents: ['alpha'] });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'first');
    await app.waitFor('answer to first');
    app.write('e');
    await app.waitFor('timeline of alpha — Enter edits');
    await app.waitUntil((screen) => screen.includes('Enter/e edit') && !screen.includes('Enter/r rewind'), 'edit hints');
    await app.waitUntil(() => app.line(-2).includes('TIMELINE'), 'the mode to read TIMELINE');
    app.write(KEYS.escape);
    app.write('r');
    await app.waitFor('timeline of alpha — Enter rewinds');
    await app.waitFor('Enter/r rewind');
  });

  it('after b the status bar reports that broadcast, not the command before it', async () => {
    const world = await openWorld({ script: echo });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'first');
    await app.waitFor('sent to alpha');
    await app.waitFor('answer to first');
    app.write('b');
    await app.waitFor('broadcast a nudge to every agent');
    app.write('regroup');
    app.write(KEYS.enter);
    await app.waitFor('any key closes');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('any key closes'), 'the receipts to close');
    await app.waitUntil(
      () => app.line(-2).includes('broadcast: alpha delivered') && !app.line(-2).includes('sent to alpha'),
      'the broadcast receipts in the status bar',
    );
  });

  it('a PTY layout agent whose command does not exist shows why on its pane, with its exit code', async () => {
    const world = await openWorld({ script: echo, agents: ['alpha'] });
    writeFileSync(
      world.layoutPath,
      JSON.stringify({ name: 'e2e', agents: [{ name: 'alpha', cwd: world.workspace }, { name: 'shell', command: ['/nonexistent/agentmux-no-such-program'] }] }),
    );
    const app = await world.launch();
    await app.waitFor(/2 shell · error \(exited 1/);
    await app.waitFor('No such file or directory');
  });
});
