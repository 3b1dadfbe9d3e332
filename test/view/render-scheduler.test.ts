import { describe, expect, it } from 'vitest';
import { FRAME_MS, RenderScheduler, type FrameClock } from '../../src/view/render-scheduler.js';

/** A clock whose timers run only when the test advances time. */
class ManualClock implements FrameClock {
  time = 1_000;
  private timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  now(): number {
    return this.time;
  }
  schedule(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }
  get liveTimers(): number {
    return this.timers.filter((timer) => !timer.cancelled && timer.at >= 0).length;
  }
  advance(ms: number): void {
    this.time += ms;
    for (;;) {
      const due = this.timers.find((timer) => !timer.cancelled && timer.at <= this.time);
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      due.fn();
    }
    this.timers = this.timers.filter((timer) => !timer.cancelled);
  }
}

describe('render scheduler', () => {
  it('coalesces 100 requests into one render', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    for (let i = 0; i < 100; i++) scheduler.request();
    expect(renders).toBe(0);
    clock.advance(FRAME_MS);
    expect(renders).toBe(1);
    clock.advance(1_000);
    expect(renders).toBe(1);
  });

  it('keeps no timer and renders nothing while idle', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    expect(clock.liveTimers).toBe(0);
    clock.advance(10_000);
    expect(renders).toBe(0);
    scheduler.request();
    clock.advance(FRAME_MS);
    expect(renders).toBe(1);
    expect(clock.liveTimers).toBe(0);
    expect(scheduler.pending).toBe(false);
  });

  it('draws at most 30 frames per second under a steady stream of requests', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    for (let ms = 0; ms < 1_000; ms++) {
      scheduler.request();
      clock.advance(1);
    }
    expect(renders).toBeGreaterThanOrEqual(28);
    expect(renders).toBeLessThanOrEqual(31);
  });

  it('renders at once on renderNow and drops the pending frame it replaces', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    scheduler.request();
    scheduler.renderNow();
    expect(renders).toBe(1);
    expect(clock.liveTimers).toBe(0);
    clock.advance(100);
    expect(renders).toBe(1);
  });

  it('renders a key at once even while a streaming frame waits for its slot', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    scheduler.request();
    clock.advance(FRAME_MS);
    scheduler.request();
    clock.advance(1);
    scheduler.renderNow();
    expect(renders).toBe(2);
    scheduler.request();
    clock.advance(FRAME_MS - 1);
    expect(renders).toBe(2);
    clock.advance(1);
    expect(renders).toBe(3);
  });

  it('counts a request made while a frame is drawn as part of that frame', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler: RenderScheduler = new RenderScheduler(() => {
      renders++;
      scheduler.request();
    }, clock);
    scheduler.request();
    clock.advance(FRAME_MS);
    clock.advance(10 * FRAME_MS);
    expect(renders).toBe(1);
    expect(scheduler.pending).toBe(false);
  });

  it('does nothing after dispose', () => {
    const clock = new ManualClock();
    let renders = 0;
    const scheduler = new RenderScheduler(() => renders++, clock);
    scheduler.request();
    scheduler.dispose();
    clock.advance(100);
    scheduler.request();
    scheduler.renderNow();
    expect(renders).toBe(0);
    expect(clock.liveTimers).toBe(0);
  });
});
