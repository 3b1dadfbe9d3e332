// Panes of agents whose journals are not read yet (DESIGN.md §6 "cold start"): the first frame
// shows every pane of the layout at once, named and `loading`, and each fills in as its agent loads.
import type { CockpitModel, PaneModel } from '../core/cockpit-view-model.js';
import type { DisplayLine, TranscriptView } from '../core/transcript-view.js';

const LOADING_LINE: DisplayLine = { spans: [{ text: 'loading…', style: 'dim' }], cells: 8 };

/** What a loading pane shows: one dim line. */
const LOADING_TRANSCRIPT: TranscriptView = {
  lineCount: () => 1,
  lines: (_width, start, count) => (start === 0 && count > 0 ? [LOADING_LINE] : []),
  version: 0,
};

/** Placeholder panes for `names`, numbered on from `firstNumber`; the first is focused when `focusFirst`. */
export function loadingPanes(names: readonly string[], firstNumber: number, focusFirst: boolean): PaneModel[] {
  return names.map((name, index) => ({
    name,
    number: firstNumber + index,
    state: 'loading',
    detail: '',
    model: '',
    tokensIn: 0,
    tokensOut: 0,
    cost: '',
    focused: focusFirst && index === 0,
    transcript: LOADING_TRANSCRIPT,
  }));
}

/** The first frame: every pane loading, the status bar in normal mode with its usual hints. */
export function firstFrameModel(names: readonly string[], hints: string, banner: string | undefined): CockpitModel {
  return {
    panes: loadingPanes(names, 1, true),
    status: {
      mode: 'normal',
      focused: names[0],
      counts: names.length === 0 ? {} : { loading: names.length },
      tokensIn: 0,
      tokensOut: 0,
      cost: '$0.000',
      message: undefined,
      hints,
      banner,
    },
  };
}
