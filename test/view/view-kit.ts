// Models and rects for view tests.
import type { CockpitModel, PaneModel, StatusModel } from '../../src/core/cockpit-view-model.js';
import type { Rect } from '../../src/core/layout-solver.js';
import type { TranscriptView } from '../../src/core/transcript-view.js';
import { CockpitView } from '../../src/view/cockpit-view.js';
import { createTty, FakeTranscript, type Tty } from './terminal-harness.js';

export function paneModel(name: string, number: number, overrides: Partial<PaneModel> = {}): PaneModel {
  const transcript: TranscriptView = overrides.transcript ?? new FakeTranscript(3);
  return {
    name,
    number,
    state: 'idle',
    detail: '',
    model: 'claude-test',
    tokensIn: 12_345,
    tokensOut: 4_100,
    cost: '$0.042',
    focused: false,
    ...overrides,
    transcript,
  };
}

export function statusModel(overrides: Partial<StatusModel> = {}): StatusModel {
  return {
    mode: 'normal',
    focused: undefined,
    counts: {},
    tokensIn: 0,
    tokensOut: 0,
    cost: '$0.00',
    message: undefined,
    hints: '? help · : command · q quit',
    banner: undefined,
    ...overrides,
  };
}

/** Four panes in a 2×2 grid covering `area`. */
export function gridRects(names: readonly string[], area: Rect): Map<string, Rect> {
  const halfW = Math.floor(area.width / 2);
  const halfH = Math.floor(area.height / 2);
  const rects = new Map<string, Rect>();
  names.forEach((name, index) => {
    const right = index % 2 === 1;
    const bottom = index >= 2;
    rects.set(name, {
      x: area.x + (right ? halfW : 0),
      y: area.y + (bottom ? halfH : 0),
      width: right ? area.width - halfW : halfW,
      height: bottom ? area.height - halfH : halfH,
    });
  });
  return rects;
}

export type ViewUnderTest = { readonly tty: Tty; readonly view: CockpitView; dispose(): void };

/** A cockpit view drawing into a headless terminal. */
export function openView(columns = 100, rows = 30, onResize?: (area: Rect) => void): ViewUnderTest {
  const tty = createTty(columns, rows);
  const view = new CockpitView({ input: tty.input, output: tty.output, title: 'agentmux test', ...(onResize ? { onResize } : {}) });
  return {
    tty,
    view,
    dispose: () => {
      view.dispose();
      tty.dispose();
    },
  };
}

export function cockpit(panes: readonly PaneModel[], status: StatusModel = statusModel()): CockpitModel {
  return { panes, status };
}
