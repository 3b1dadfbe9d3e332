// The PTY delivery rule: text typed exactly, then a separate `\r` after a gap; with a `ready`
// pattern texts wait until it matches the bottom of the screen, in order, one per prompt.
import { describe, expect, it } from 'vitest';
import { PtyDelivery, type PtyTimer } from '../../src/core/pty-delivery.js';

/** Timers run by hand. */
function manualTimer(): PtyTimer & { runAll(): void; readonly waiting: number } {
  const due: (() => void)[] = [];
  return {
    schedule(fn) {
      due.push(fn);
      return () => {
        const index = due.indexOf(fn);
        if (index >= 0) due.splice(index, 1);
      };
    },
    runAll() {
      while (due.length > 0) due.shift()?.();
    },
    get waiting() {
      return due.length;
    },
  };
}


describe('PtyDelivery', () => {
  it('types the text exactly, then \\r as a second write after the gap', () => {
    const timer = manualTimer();
    const writes: string[] = [];
    const delivery = new PtyDelivery({ write: (d) => writes.push(d), bottomText: () => '' }, undefined, timer);
    expect(delivery.enqueue('echo hi > out.txt')).toBe('delivered');
    expect(writes).toEqual(['echo hi > out.txt']);
    timer.runAll();
    expect(writes).toEqual(['echo hi > out.txt', '\r']);
  });

  it('holds texts while the ready pattern does not match, and sends them in order once it does', () => {
    const timer = manualTimer();
    const writes: string[] = [];
    let bottom = 'Continue? [y/n] ';
    const delivery = new PtyDelivery({ write: (d) => writes.push(d), bottomText: () => bottom }, /ready\$ $/, timer);
    expect(delivery.enqueue('first')).toBe('queued');
    expect(delivery.enqueue('second')).toBe('queued');
    delivery.screenChanged();
    expect(writes).toEqual([]);
    bottom = 'ready$ ';
    delivery.screenChanged();
    expect(writes).toEqual(['first']);
    timer.runAll();
    expect(writes).toEqual(['first', '\r']);
    // The screen still shows the old prompt until the child answers: nothing more is typed yet.
    expect(delivery.pending).toBe(1);
    delivery.screenChanged();
    expect(writes).toEqual(['first', '\r', 'second']);
    timer.runAll();
    expect(writes).toEqual(['first', '\r', 'second', '\r']);
    expect(delivery.pending).toBe(0);
  });

  it('types at once when the ready pattern already matches', () => {
    const timer = manualTimer();
    const writes: string[] = [];
    const delivery = new PtyDelivery({ write: (d) => writes.push(d), bottomText: () => 'out\nready$ ' }, /ready\$ $/, timer);
    expect(delivery.enqueue('ls')).toBe('delivered');
    expect(writes).toEqual(['ls']);
  });

  it('clear drops waiting texts and the pending \\r', () => {
    const timer = manualTimer();
    const writes: string[] = [];
    const delivery = new PtyDelivery({ write: (d) => writes.push(d), bottomText: () => '' }, undefined, timer);
    delivery.enqueue('a');
    delivery.enqueue('b');
    delivery.clear();
    timer.runAll();
    expect(writes).toEqual(['a']);
    expect(delivery.pending).toBe(0);
    expect(timer.waiting).toBe(0);
  });
});
