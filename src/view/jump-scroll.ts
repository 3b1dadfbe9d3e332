// Jump scroll for a pane that follows a streaming answer (issue 17): a pane narrower than the
// terminal cannot be scrolled by the terminal (its scroll region spans whole rows), so every
// one-row scroll rewrites every row of the pane. While the agent streams, the view moves up by a
// quarter of the pane at once, leaving blank rows below the newest line that then fill cell by
// cell: a quarter as many whole-pane rewrites per line streamed. At rest the pane is bottom-aligned.

/** How many rows a streaming pane of `height` rows jumps at once (1: no jump scroll). */
export function jumpRows(height: number): number {
  return Math.max(1, Math.floor(height / 4));
}

/**
 * The first row shown by a pane that follows the stream: `maxStart` (the newest line on the
 * bottom row) at rest; while streaming, `maxStart` rounded up to a multiple of the jump, so the
 * view moves only when the newest line would fall below the pane. The newest line stays in sight.
 */
export function followStart(maxStart: number, height: number, streaming: boolean): number {
  const step = jumpRows(height);
  if (!streaming || step <= 1 || maxStart <= 0) return maxStart;
  return Math.ceil(maxStart / step) * step;
}
