import { afterEach, describe, expect, it } from 'vitest';
import { PaneView } from '../../src/view/pane-view.js';
import { FakeTranscript } from './terminal-harness.js';
import { cockpit, openView, paneModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function openPane(transcript: FakeTranscript): { view: ViewUnderTest; pane: PaneView } {
  current = openView(60, 14);
  const { view } = current;
  view.update(cockpit([paneModel('alpha', 1, { transcript, focused: true })]), new Map([['alpha', { x: 0, y: 0, width: 60, height: 12 }]]));
  const pane = view.pane('alpha');
  if (!(pane instanceof PaneView)) throw new Error('no transcript pane');
  return { view: current, pane };
}

/** The cell at (x, y): its text, inverse flag and background colour. */
function cellAt(view: ViewUnderTest, x: number, y: number): { chars: string; inverse: boolean; bg: number } {
  const cell = view.tty.term.buffer.active.getLine(y)?.getCell(x);
  return { chars: cell?.getChars() ?? '', inverse: cell?.isInverse() !== 0, bg: cell?.getBgColor() ?? -1 };
}

describe('pane marks (copy mode, search)', () => {
  it('draws the copy cursor row in inverse across the pane, shows [copy] in the title and holds the view while the stream grows', async () => {
    const transcript = new FakeTranscript(50);
    const { view, pane } = openPane(transcript);
    await view.tty.waitFor((text) => text.includes('line 49'));
    pane.setMarks({ label: '[copy]', cursor: 45 });
    pane.showRow(45);
    view.view.renderNow();
    // Rows 40..49 are shown (10 inner rows): row 45 is screen row 1 + 5.
    await view.tty.waitFor((text) => text.includes('[copy]'));
    expect(view.tty.row(6)).toContain('line 45');
    expect(cellAt(view, 1, 6).inverse).toBe(true);
    expect(cellAt(view, 40, 6).inverse).toBe(true);
    expect(cellAt(view, 1, 5).inverse).toBe(false);
    transcript.grow(5);
    view.view.renderNow();
    await view.tty.flush();
    expect(view.tty.row(6)).toContain('line 45');
  });

  it('paints selected rows and highlights search matches in the visible rows', async () => {
    const { view, pane } = openPane(new FakeTranscript(20));
    await view.tty.waitFor((text) => text.includes('line 19'));
    pane.setMarks({ cursor: 19, selection: { from: 17, to: 19 }, highlight: /line 1[0-2]/gi });
    view.view.renderNow();
    await view.tty.waitFor(() => cellAt(view, 1, 8).bg !== -1 && cellAt(view, 1, 8).bg !== 0);
    // Rows 10..19 are shown; row 17 (selected) is screen row 8, row 11 (a match) screen row 2.
    expect(view.tty.row(8)).toContain('line 17');
    expect(cellAt(view, 1, 8).bg).toBe(4);
    expect(cellAt(view, 1, 10).inverse).toBe(true);
    expect(view.tty.row(2)).toContain('line 11');
    expect(cellAt(view, 1, 2).bg).toBe(11);
    expect(cellAt(view, 1, 5).bg).not.toBe(11);
    pane.setMarks(undefined);
    view.view.renderNow();
    await view.tty.waitFor(() => cellAt(view, 1, 2).bg !== 11);
    expect(view.tty.text()).not.toContain('[copy]');
  });
  it('draws the current search match in inverse and the other matches on yellow, even in the same row', async () => {
    const transcript = new FakeTranscript(20, (index) => ({ spans: [{ text: `line ${index} line`, style: 'assistant' }], cells: `line ${index} line`.length }));
    const { view, pane } = openPane(transcript);
    await view.tty.waitFor((text) => text.includes('line 19'));
    // Rows 10..19 are shown; row 15 is screen row 6. Its second "line" (column 8) is the current match.
    pane.setMarks({ highlight: /line/gi, current: { row: 15, column: 8, length: 4 } });
    view.view.renderNow();
    await view.tty.waitFor(() => cellAt(view, 9, 6).inverse);
    expect(view.tty.row(6)).toContain('line 15 line');
    expect(cellAt(view, 1, 6).inverse).toBe(false);
    expect(cellAt(view, 1, 6).bg).toBe(11);
    expect(cellAt(view, 9, 6).bg).not.toBe(11);
    expect(cellAt(view, 12, 6).inverse).toBe(true);
    expect(cellAt(view, 9, 5).inverse).toBe(false);
    expect(cellAt(view, 9, 5).bg).toBe(11);
  });
});
