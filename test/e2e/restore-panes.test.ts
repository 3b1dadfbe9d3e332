// e2e: panes opened at run time and the tiling chosen with Space come back at the next start.
import { describe, expect, it } from 'vitest';
import {
  answerEcho,
  requestConversation,
  runCommand,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';

const openWorld = useWorld();

describe('agentmux e2e: restoring the cockpit', { timeout: 60_000 }, () => {
  it(':new opens a pane that a relaunch reattaches with its history; the tiling chosen with Space is kept', async () => {
    const world = await openWorld({ script: answerEcho });
    const first = await world.launch();
    await first.waitFor('alpha');
    await runCommand(first, 'new extra');
    await first.waitFor(/\d extra · idle/);
    await typeMessage(first, 'extra', 'hello extra');
    await first.waitFor('answer to hello extra');
    first.write(' ');
    await first.waitFor('tiling rows');
    first.write('q');
    expect(await first.exited()).toBe(0);

    const second = await world.launch();
    await waitForState(second, 'extra', 'idle');
    await second.waitFor('answer to hello extra');
    // rows: the panes are stacked, so each title starts at column 0 on its own line.
    const titles = second.screen().split('\n').filter((line) => /^┌ (▶ )?\d (alpha|beta|extra) ·/.test(line));
    expect(titles).toHaveLength(3);
    second.write('3');
    await typeMessage(second, 'extra', 'again');
    await second.waitFor('answer to again');
    const model = world.model;
    expect(requestConversation(model, model.requests.length - 1).map((m) => m.text)).toEqual([
      'hello extra',
      'answer to hello extra',
      'again',
    ]);
  });
});

describe('agentmux e2e: PTY programs and quit', { timeout: 90_000 }, () => {
  it('q asks while a PTY program runs (n keeps it); a PTY agent opened with new runs again after a restart', async () => {
    const world = await openWorld({ script: answerEcho });
    const first = await world.launch();
    await first.waitFor('alpha');
    await runCommand(first, 'new sl -- sh -c "echo started-$((6*7)); exec sleep 778"');
    await first.waitFor('started-42');
    first.write('q');
    await first.waitFor('1 program is running and will be killed (sl: sh -c echo');
    first.write('n');
    await first.waitUntil(() => !first.screen().includes('will be killed'), 'the question to close');
    await first.waitFor('quit cancelled');
    expect(first.screen()).toMatch(/sl · idle \(running\)/);
    first.write('q');
    await first.waitFor('Quit?');
    first.write('y');
    expect(await first.exited()).toBe(0);

    const second = await world.launch();
    await second.waitFor('started-42');
    expect(second.screen()).toMatch(/sl · idle \(running\)/);
  });
});
