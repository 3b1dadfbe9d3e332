import { afterEach, describe, expect, it } from 'vitest';
import { cockpit, openView, paneModel, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

describe('status bar', () => {
  it('shows mode, focused agent, counts by state, totals, the last result, hints and the demo banner', async () => {
    current = openView(120, 12);
    const { view, tty } = current;
    const status = statusModel({
      mode: 'normal',
      focused: 'alpha',
      counts: { streaming: 2, idle: 1, error: 0 },
      tokensIn: 1_500,
      tokensOut: 250,
      cost: '$0.12',
      message: { text: 'sent to alpha', isError: false },
      banner: 'demo: scripted model, no API calls',
    });
    view.update(cockpit([paneModel('alpha', 1)], status), new Map([['alpha', view.paneArea()]]));
    await tty.waitFor((text) => text.includes('sent to alpha'));
    const summary = tty.row(10);
    expect(summary).toContain('NORMAL');
    expect(summary).toContain('▶ alpha');
    expect(summary).toContain('1 idle · 2 streaming');
    expect(summary).not.toContain('error');
    expect(summary).toContain('1.5k↑ 250↓ $0.12');
    const hints = tty.row(11);
    expect(hints).toContain('? help · : command · q quit');
    expect(hints.trimEnd().endsWith('demo: scripted model, no API calls')).toBe(true);
  });

  it('draws an error message in red', async () => {
    current = openView(100, 10);
    const { view, tty } = current;
    const status = statusModel({ message: { text: 'rewind: no turn 9', isError: true } });
    view.update(cockpit([], status), new Map());
    await tty.waitFor((text) => text.includes('rewind: no turn 9'));
    const x = tty.row(8).indexOf('rewind: no turn 9');
    expect(tty.cell(x, 8).fg).toBe(9); // bright red
  });

  it('puts a result too long for the first row on the second, whole, in place of the hints', async () => {
    current = openView(100, 10);
    const { view, tty } = current;
    const receipts = 'broadcast: alpha delivered · beta queued · gamma delivered · delta refused (paused)';
    const status = statusModel({ focused: 'alpha', counts: { idle: 4 }, message: { text: receipts, isError: false } });
    view.update(cockpit([], status), new Map());
    await tty.waitFor((text) => text.includes('delta refused (paused)'));
    expect(tty.row(9)).toContain(receipts);
    expect(tty.row(8)).not.toContain('broadcast');
    expect(tty.row(9)).not.toContain('? help');
  });

  it('ends a result longer than the whole row with an ellipsis', async () => {
    current = openView(40, 10);
    const { view, tty } = current;
    const status = statusModel({ message: { text: 'x'.repeat(100), isError: false } });
    view.update(cockpit([], status), new Map());
    await tty.waitFor((text) => text.includes('xxx…'));
    expect(tty.row(9).trimEnd().endsWith('x…')).toBe(true);
  });

  it('a summary too long for a narrow screen ends in … instead of a number cut short (B19)', async () => {
    current = openView(40, 10);
    const { view, tty } = current;
    const status = statusModel({ focused: 'planner', counts: { streaming: 2, idle: 2 }, tokensIn: 12_000, tokensOut: 3_400, cost: '$0.282' });
    view.update(cockpit([], status), new Map());
    await tty.waitFor((text) => text.includes('▶ planner'));
    const row = tty.row(8).trimEnd();
    expect(row).toHaveLength(40);
    expect(row.endsWith('…')).toBe(true);
  });
});
