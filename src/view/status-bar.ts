// The bottom lines: mode, focused agent, agents per state, total tokens and cost, the last
// command's result (errors in red), key hints, and the demo banner when present.
import type blessed from 'blessed';
import { newBox } from './blessed-widgets.js';
import { AGENT_STATES } from '../core/agent-state.js';
import type { StatusModel } from '../core/cockpit-view-model.js';
import { STATE_SGR, formatTokens } from './format.js';
import { renderRuns, type Run } from './line-render.js';
import type { ScreenCanvas } from './screen-canvas.js';
import { fitCells, stringCells } from './char-width.js';
import { fitHints } from './hint-fit.js';
import { fitMessage, isQuestion } from './message-fit.js';

/** Rows the status bar takes at the bottom of the screen. */
export const STATUS_HEIGHT = 2;

const SEPARATOR: Run = { text: ' │ ', sgr: '\x1b[90m' };

/** The first status row: where the cockpit stands. */
export function summaryRuns(status: StatusModel): Run[] {
  const runs: Run[] = [{ text: ` ${status.mode.toUpperCase()} `, sgr: '\x1b[7;1m' }];
  if (status.focused !== undefined) runs.push({ text: ` ▶ ${status.focused}`, sgr: '\x1b[96m' });
  if (status.zoomed === true) runs.push({ text: ' [zoomed: z unzooms]', sgr: '\x1b[93m' });
  const counts = AGENT_STATES.flatMap((state) => {
    const count = status.counts[state] ?? 0;
    return count > 0 ? [{ state, count }] : [];
  });
  counts.forEach(({ state, count }, index) => {
    runs.push(index === 0 ? SEPARATOR : { text: ' · ', sgr: '' });
    runs.push({ text: `${count} ${state}`, sgr: `\x1b[${STATE_SGR[state]}m` });
  });
  if (status.run !== undefined) runs.push(SEPARATOR, { text: status.run, sgr: '\x1b[96m' });
  runs.push(SEPARATOR, { text: `${formatTokens(status.tokensIn, status.tokensOut)} ${status.cost}`, sgr: '' });
  if (status.message !== undefined) runs.push(SEPARATOR, messageRun(status.message));
  return runs;
}

function messageRun(message: NonNullable<StatusModel['message']>): Run {
  return { text: message.text, sgr: message.isError ? '\x1b[91;1m' : '\x1b[92m' };
}

function runCells(runs: readonly Run[]): number {
  return runs.reduce((sum, run) => sum + stringCells(run.text), 0);
}

/**
 * Both status rows for `width` columns. A result message too long for the first row (e.g.
 * broadcast receipts for many agents) takes the second row, in place of the key hints, so
 * it is read whole rather than cut at the screen edge.
 */
export function statusRows(status: StatusModel, width: number): [string, string] {
  const summary = summaryRuns(status);
  if (status.message === undefined || runCells(summary) <= width) {
    return [renderCut(summary, width), hintsRow(status, width)];
  }
  const withoutMessage = summaryRuns({ ...status, message: undefined });
  const run = messageRun(status.message);
  return [renderCut(withoutMessage, width), secondRow(status, width, { ...run, text: ` ${run.text}` })];
}

/** The runs in `width` cells; cut ones end in `…`, so "$0.28" never passes for "$0.282" (B19). */
function renderCut(runs: readonly Run[], width: number): string {
  if (runCells(runs) <= width || width < 2) return renderRuns(runs, width);
  return renderRuns([...cutLast(runs, width - 1), { text: '…', sgr: '\x1b[90m' }], width);
}

// The runs that still fit in `cells`, the last of them cut.
function cutLast(runs: readonly Run[], cells: number): Run[] {
  const out: Run[] = [];
  let left = cells;
  for (const run of runs) {
    if (left <= 0) break;
    const text = fitCells(run.text, left).text;
    out.push({ ...run, text });
    left -= stringCells(text);
  }
  return out;
}

/** The second status row: key hints on the left, the banner on the right (it wins when short of room). */
export function hintsRow(status: StatusModel, width: number): string {
  return secondRow(status, width, { text: ` ${status.hints}`, sgr: '\x1b[90m' }, true);
}

// The second row is the same text frame after frame while agents stream (the hints, the
// banner): the last one is kept, so a streaming frame does not measure and cut it again.
let lastSecondRow = { key: '', row: '' };

function secondRow(status: StatusModel, width: number, left: Run, hints = false): string {
  const key = `${width}\0${status.banner ?? ''}\0${left.sgr}\0${hints ? 'h' : 'm'}${left.text}`;
  if (key === lastSecondRow.key) return lastSecondRow.row;
  const row = layOutSecondRow(status, width, left, hints);
  lastSecondRow = { key, row };
  return row;
}

function layOutSecondRow(status: StatusModel, width: number, left: Run, hints: boolean): string {
  const banner = bannerFor(status, width, left, hints);
  const bannerCells = Math.min(width, stringCells(banner));
  const hintRoom = Math.max(0, width - bannerCells - 1);
  // Key hints drop whole hints from the middle, keeping `? help · q quit` (hint-fit.ts); a
  // question keeps its answer keys (message-fit.ts).
  const text = ` ${(hints ? fitHints : fitMessage)(left.text.slice(1), Math.max(0, hintRoom - 1))}`;
  const fitted = { ...left, text };
  const drawn = renderRuns([fitted], hintRoom);
  const hintCells = Math.min(hintRoom, stringCells(fitted.text));
  if (banner === '') return drawn;
  const gap = ' '.repeat(Math.max(0, width - hintCells - bannerCells));
  return drawn + gap + renderRuns([{ text: banner, sgr: '\x1b[30;103m' }], bannerCells);
}

/** Modes whose hints outrank the banner: the composer's `Enter send · C-j newline` must show at 80 columns. */
const HINTS_BEFORE_BANNER: ReadonlySet<string> = new Set(['message', 'broadcast']);

// The banner, unless a question or the composer's hints need its room: how to answer must stay on screen.
function bannerFor(status: StatusModel, width: number, left: Run, hints: boolean): string {
  if (status.banner === undefined) return '';
  const banner = ` ${status.banner} `;
  const yields = hints ? HINTS_BEFORE_BANNER.has(status.mode) : isQuestion(left.text);
  if (!yields || stringCells(left.text) + stringCells(banner) + 1 <= width) return banner;
  return '';
}

/** The status bar widget; `refresh()` rebuilds its rows for the current width. */
export class StatusBar {
  private readonly box: blessed.Widgets.BoxElement;
  private model: StatusModel | undefined;
  private refreshedModel: StatusModel | undefined;
  private refreshedColumns = 0;
  private drawn = '';
  private rows: readonly string[] = [];

  constructor(private readonly screen: blessed.Widgets.Screen) {
    this.box = newBox({
      parent: screen,
      left: 0,
      bottom: 0,
      width: '100%',
      height: STATUS_HEIGHT,
      tags: false,
      wrap: false,
    });
  }

  /** Remembers the model; drawn on the next refresh. */
  setModel(model: StatusModel): void {
    this.model = model;
  }

  /** Rebuilds the rows if the model or the width changed; true if they changed. */
  refresh(): boolean {
    if (this.model === undefined || (this.model === this.refreshedModel && this.screen.cols === this.refreshedColumns)) return false;
    this.refreshedModel = this.model;
    const columns = this.screen.cols;
    this.refreshedColumns = columns;
    const [first, second] = statusRows(this.model, columns);
    const content = `${first}\n${second}`;
    if (content === this.drawn) return false;
    this.drawn = content;
    this.rows = [first, second];
    this.box.setContent(content);
    return true;
  }

  /** True for the bar's own widget (CockpitView's frames know every widget on the screen). */
  owns(node: blessed.Widgets.Node): boolean {
    return node === this.box;
  }

  /** Paints the bar's rows into the screen buffer (a frame that does not redraw the whole screen). */
  paint(canvas: ScreenCanvas): void {
    const top = this.screen.rows - STATUS_HEIGHT;
    this.rows.forEach((row, index) => canvas.paintRow(0, top + index, this.screen.cols, row));
  }

  /** Removes the widget. */
  dispose(): void {
    this.box.destroy();
  }
}
