// e2e: through the real binary, an overlay action asked over ctl exits as its direct command
// would (a refused `timeline-do rewind` exits 1 with rewind's own message), and a multi-line
// result asked over ctl goes to the caller only: the person's screen opens no pager for it.
import { afterEach, describe, expect, it } from 'vitest';
import { gate, replyScript, useWorld, waitForState } from './e2e-kit.js';
import { ctl, ctlReady } from './ctl-kit.js';

const openWorld = useWorld();
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
});

describe('agentmux e2e: ctl answers with what an overlay action did', { timeout: 90_000 }, () => {
  it('timeline-do rewind on a working agent exits 1 with the direct rewind\'s message', async () => {
    const held = gate();
    holds.push(held.release);
    const world = await openWorld({ script: replyScript(() => ({ text: 'a slow answer in several parts', tokensPerDelta: 1, hold: { afterDeltas: 1, until: held.until } })) });
    const app = await world.launch();
    await ctlReady(world);
    expect((await ctl(world, 'focus', 'alpha')).status).toBe(0);
    expect((await ctl(world, 'send', '-t', 'alpha', 'work')).status).toBe(0);
    await waitForState(app, 'alpha', 'streaming');

    const direct = await ctl(world, 'rewind', '-t', 'alpha', '0');
    expect(direct.status).toBe(1);
    expect(direct.stderr).toMatch(/working/);
    expect((await ctl(world, 'timeline')).status).toBe(0);
    const viaOverlay = await ctl(world, 'timeline-do', 'rewind');
    expect(viaOverlay.status).toBe(1);
    expect(viaOverlay.stderr.replace(/^[^:]*: /, '')).toBe(direct.stderr.replace(/^[^:]*: /, ''));
  });

  it('list-keys asked twice over ctl prints the bindings and opens no pager on the screen', async () => {
    const world = await openWorld({ script: replyScript(() => ({ text: 'ok' })) });
    const app = await world.launch();
    await ctlReady(world);
    const first = await ctl(world, 'list-keys');
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n').length).toBeGreaterThan(20);
    const second = await ctl(world, 'list-keys');
    expect(second.stdout).toBe(first.stdout);
    await app.waitFor(/list-keys: \d+ lines \(sent to agentmux ctl\)/);
    // A pager's title is the line it shows (`:list-keys`): none was opened.
    expect(app.screen()).not.toContain(':list-keys');
  });
});
