// What the view reads each frame: panes and the status bar. Built by the app from the
// controller; the view never calls the controller itself (it sends command lines back).
import type { AgentState } from './agent-state.js';
import type { PtyScreen } from './pty-session.js';
import type { TranscriptView } from './transcript-view.js';

export type PaneModel = {
  readonly name: string;
  /** 1-based pane number, as `-t N` and the `1`–`9` keys use it. */
  readonly number: number;
  readonly state: AgentState;
  /** Short extra words for the state: "attempt 2/4 in 1.0 s", "read_file", an error… */
  readonly detail: string;
  readonly model: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** "$0.042" or "?" when the model's price is unknown. */
  readonly cost: string;
  readonly focused: boolean;
  /** A word after the name, e.g. `stale` for a workflow call that saw a since-revised answer (issue 14). */
  readonly mark?: string;
  readonly transcript: TranscriptView;
  /** Set for a PTY agent: its pane draws this emulated screen instead of the transcript. */
  readonly terminal?: PtyPaneModel;
};

/** A PTY agent's pane: the screen (undefined if the command never started), attach state, command line. */
export type PtyPaneModel = {
  readonly screen: PtyScreen | undefined;
  readonly attached: boolean;
  readonly command: string;
};

export type StatusModel = {
  /** "normal", "prompt", "timeline", "help"… */
  readonly mode: string;
  readonly focused: string | undefined;
  /** True while the focused pane fills the pane area (`z`). */
  readonly zoomed?: boolean;
  readonly counts: Readonly<Partial<Record<AgentState, number>>>;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly cost: string;
  /** The last command's result or error. */
  readonly message: { readonly text: string; readonly isError: boolean } | undefined;
  readonly hints: string;
  /** Shown when agents run on the scripted model ("demo: scripted model, no API calls"). */
  readonly banner: string | undefined;
  /** The focused workflow run in one line (`audit · Review 3/8 · 12 done · 1 null · $0.42`), while there is one. */
  readonly run?: string | undefined;
};

export type CockpitModel = { readonly panes: readonly PaneModel[]; readonly status: StatusModel };
