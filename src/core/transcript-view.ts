// What a pane draws: a transcript as wrapped, sanitized, styled lines, read a window at a time
// (panes are virtualized: a frame asks only for the lines it shows).

/** How a run of text is drawn; the view maps these to colours. */
export type LineStyle =
  | 'plain'
  | 'turn' // the [3] / [3.2] numbers
  | 'user'
  | 'assistant'
  | 'thinking'
  | 'tool-call'
  | 'tool-result'
  | 'tool-error'
  | 'nudge'
  | 'graft'
  | 'interrupted'
  | 'notice'
  | 'error'
  | 'dim'
  | 'streaming'; // the live marker at the end of a streaming answer

/** Colours that model or tool text asked for with SGR sequences (the only escapes kept). */
export type TextColours = {
  readonly fg?: number; // 0–255
  readonly bg?: number; // 0–255
  readonly bold?: boolean;
  readonly underline?: boolean;
};

/** A run of printable text (no control characters, no escapes) in one style. */
export type Span = { readonly text: string; readonly style: LineStyle; readonly colours?: TextColours };

/** One screen row of a transcript; `cells` is its width in terminal columns (wide chars count 2). */
export type DisplayLine = { readonly spans: readonly Span[]; readonly cells: number };

/** A transcript a pane can draw. Implementations cache wrapping per width. */
export interface TranscriptView {
  /** How many rows the transcript takes at this width. */
  lineCount(width: number): number;
  /** Rows [start, start + count) at this width (fewer at the end). */
  lines(width: number, start: number, count: number): readonly DisplayLine[];
  /** Increases on every change, so a view can tell whether to redraw. */
  readonly version: number;
}
