// Panes of agents whose journals are not read yet (DESIGN.md §6 "cold start"): the first frame
// shows every pane of the layout at once, named and `loading`, and each fills in as its agent loads.
import type { CockpitModel, PaneModel } from '../core/cockpit-view-model.js';
import type { DisplayLine, TranscriptView } from '../core/transcript-view.js';

/** A pane to draw before its agent has loaded: its name and the model it will use. */
export type LoadingPane = { readonly name: string; readonly model: string };

const LOADING_LINE: DisplayLine = { spans: [{ text: 'loading…', style: 'dim' }], cells: 8 };

/** What a loading pane shows: one dim line. */
const LOADING_TRANSCRIPT: TranscriptView = {
  lineCount: () => 1,
  lines: (_width, start, count) => (start === 0 && count > 0 ? [LOADING_LINE] : []),
  version: 0,
};

/** Placeholder panes, numbered on from `firstNumber`; the first is focused when `focusFirst`. */
export function loadingPanes(panes: readonly LoadingPane[], firstNumber: number, focusFirst: boolean): PaneModel[] {
  return panes.map(({ name, model }, index) => ({
    name,
    number: firstNumber + index,
    state: 'loading',
    detail: '',
    model,
    tokensIn: 0,
    tokensOut: 0,
    cost: '$0.000',
    focused: focusFirst && index === 0,
    transcript: LOADING_TRANSCRIPT,
  }));
}

/** The first frame: every pane loading, the status bar in normal mode with its usual hints. */
export function firstFrameModel(panes: readonly LoadingPane[], hints: string, banner: string | undefined): CockpitModel {
  return {
    panes: loadingPanes(panes, 1, true),
    status: {
      mode: 'normal',
      focused: panes[0]?.name,
      counts: panes.length === 0 ? {} : { loading: panes.length },
      tokensIn: 0,
      tokensOut: 0,
      cost: '$0.000',
      message: undefined,
      hints,
      banner,
    },
  };
}
