// Agent starts of a workflow run go one per event-loop turn (app/workflow/start-pacer.ts), so
// what else is ready meanwhile (a key) runs between two starts; and every start goes, in order.
import { describe, expect, it } from 'vitest';
import { StartPacer } from '../../../src/app/workflow/start-pacer.js';

describe('agent starts, one per loop turn', () => {
  it('lets a loop-turn callback run between any two starts, and starts all of them in order', async () => {
    const pacer = new StartPacer();
    const order: string[] = [];
    // Another loop-turn callback, queued as the starts are asked for (as a key read would be).
    let ticks = 0;
    const tick = (): void => {
      order.push('tick');
      ticks += 1;
      if (ticks < 8) setImmediate(tick);
    };
    setImmediate(tick);
    const starts = [1, 2, 3, 4].map((n) => pacer.turn().then(() => order.push(`start ${n}`)));
    await Promise.all(starts);
    expect(order.filter((step) => step.startsWith('start'))).toEqual(['start 1', 'start 2', 'start 3', 'start 4']);
    // Never two starts in one turn: a tick between each pair.
    const between = order.slice(order.indexOf('start 1'), order.indexOf('start 4') + 1);
    for (let at = 1; at < between.length; at++) expect([between[at - 1], between[at]].every((step) => step?.startsWith('start'))).toBe(false);
  });

  it('a start asked for later, after the pacer went idle, is still given its turn', async () => {
    const pacer = new StartPacer();
    await pacer.turn();
    let started = false;
    await pacer.turn().then(() => {
      started = true;
    });
    expect(started).toBe(true);
  });
});
