import { afterEach, describe, expect, it } from 'vitest';
import type { Rect } from '../../src/core/layout-solver.js';
import { CockpitView } from '../../src/view/cockpit-view.js';
import { editorArgv, runExternalEditor } from '../../src/view/editor-suspend.js';
import type { FrameClock } from '../../src/view/render-scheduler.js';
import { createTty, FakeTranscript, type Tty } from './terminal-harness.js';
import { cockpit, paneModel, statusModel } from './view-kit.js';

/** Counts live timers; runs them only when asked. */
class CountingClock implements FrameClock {
  private pending = new Set<() => void>();
  now(): number {
    return performance.now();
  }
  schedule(fn: () => void, _ms: number): () => void {
    this.pending.add(fn);
    return () => this.pending.delete(fn);
  }
  get timers(): number {
    return this.pending.size;
  }
  runAll(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

let tty: Tty | undefined;
let view: CockpitView | undefined;
afterEach(() => {
  view?.dispose();
  tty?.dispose();
  view = undefined;
  tty = undefined;
});

describe('cockpit view', () => {
  it('draws nothing and keeps no timer while nothing changes', async () => {
    tty = createTty(60, 12);
    const clock = new CountingClock();
    view = new CockpitView({ input: tty.input, output: tty.output, title: 't', clock });
    const transcript = new FakeTranscript(5);
    view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', view.paneArea()]]));
    for (let i = 0; i < 100; i++) view.requestRender();
    expect(clock.timers).toBe(1);
    clock.runAll();
    await tty.waitFor((text) => text.includes('line 4'));
    expect(clock.timers).toBe(0);
    const bytes = tty.output.bytes;
    const asked = transcript.requests.length;
    await tty.flush();
    expect(clock.timers).toBe(0);
    expect(tty.output.bytes).toBe(bytes);
    expect(transcript.requests.length).toBe(asked);
    transcript.grow(1);
    view.requestRender();
    clock.runAll();
    await tty.waitFor((text) => text.includes('line 5'));
  });

  it('asks the app for a new layout of the pane area on resize', async () => {
    tty = createTty(60, 12);
    const areas: Rect[] = [];
    view = new CockpitView({ input: tty.input, output: tty.output, title: 't', onResize: (area) => areas.push(area) });
    expect(view.paneArea()).toEqual({ x: 0, y: 0, width: 60, height: 10 });
    view.update(cockpit([], statusModel()), new Map());
    view.renderNow();
    await tty.waitFor(() => tty?.row(11).includes('? help') === true);
    tty.resize(80, 20);
    expect(areas).toEqual([{ x: 0, y: 0, width: 80, height: 18 }]);
    await tty.waitFor(() => tty?.row(19).includes('? help') === true);
  });
});

describe('external editor', () => {
  it('splits an editor command with arguments on spaces', () => {
    expect(editorArgv('code -w', '/tmp/x.md')).toEqual(['code', '-w', '/tmp/x.md']);
    expect(editorArgv('vi', '/tmp/x.md')).toEqual(['vi', '/tmp/x.md']);
  });

  it('runs an editor command with quotes through sh so a path with spaces works', () => {
    const argv = editorArgv(`'/opt/My Editor/ed' --wait`, '/tmp/x y.md');
    expect(argv).toEqual(['sh', '-c', `'/opt/My Editor/ed' --wait "$@"`, 'editor', '/tmp/x y.md']);
  });

  it('suspends the screen, runs the editor, then restores the screen and redraws it all', async () => {
    tty = createTty(60, 12);
    view = new CockpitView({ input: tty.input, output: tty.output, title: 't' });
    view.update(cockpit([paneModel('alpha', 1)]), new Map([['alpha', view.paneArea()]]));
    view.renderNow();
    await tty.waitFor((text) => text.includes('1 alpha'));
    const output = tty.output;
    const mark = output.written.length;
    const result = await runExternalEditor(view.screen, 'true', '/dev/null');
    expect(result).toEqual({ ok: true, value: undefined });
    await tty.waitFor(() => output.written.slice(mark).includes('claude-test'));
    const during = output.written.slice(mark);
    // Left the alternate buffer and showed the cursor, then came back, hid it, and redrew all.
    expect(during.indexOf('\x1b[?1049l')).toBeGreaterThanOrEqual(0);
    expect(during.indexOf('\x1b[?25h')).toBeGreaterThanOrEqual(0);
    expect(during.lastIndexOf('\x1b[?1049h')).toBeGreaterThan(during.indexOf('\x1b[?1049l'));
    expect(during.lastIndexOf('\x1b[?25l')).toBeGreaterThan(during.indexOf('\x1b[?25h'));
    expect(during.lastIndexOf('\x1b[2J')).toBeGreaterThan(during.lastIndexOf('\x1b[?1049h'));
    expect(tty.input.isRaw).toBe(true);
  });

  it('reports an editor that fails or cannot start as an error value', async () => {
    tty = createTty(60, 12);
    view = new CockpitView({ input: tty.input, output: tty.output, title: 't' });
    const failed = await runExternalEditor(view.screen, 'false', '/dev/null');
    expect(failed).toEqual({ ok: false, error: 'false exited with status 1' });
    const missing = await runExternalEditor(view.screen, 'agentmux-no-such-editor -w', '/dev/null');
    expect(missing.ok).toBe(false);
    const none = await runExternalEditor(view.screen, '  ', '/dev/null');
    expect(none).toEqual({ ok: false, error: 'no editor: set $VISUAL or $EDITOR' });
  });
});
