// One agent's pane: a border at a rect, a title in the top border, and a virtualized
// transcript — each frame asks the TranscriptView only for the rows it shows, and the pane's
// PaneSurface paints only the rows that changed into the screen buffer (no blessed widget).
import { isWorking } from '../core/agent-state.js';
import type { PaneModel } from '../core/cockpit-view-model.js';
import type { Rect } from '../core/layout-solver.js';
import { STATE_SGR, formatTokens } from './format.js';
import { renderRuns, type Run } from './line-render.js';
import { stringCells } from './char-width.js';
import { markedLineRows, type PaneMarks } from './pane-marks.js';
import { isHiddenRect, PaneSurface } from './pane-surface.js';
import { followStart } from './jump-scroll.js';
import { RowMemo } from './row-memo.js';

export { isHiddenRect } from './pane-surface.js';

/** Border looks (SGR): blessed's `gray`, and bold `brightcyan` on the focused pane. */
export const BORDER_SGR = '\x1b[90m';
export const FOCUSED_BORDER_SGR = '\x1b[1;96m';

/**
 * The title's runs: pane number, name, state (coloured), tokens, cost, model; `▶` when focused.
 * With `room` cells, whole parts are dropped from the end (model, cost, tokens, the state's
 * detail, then the state) rather than a number or a word being cut in the middle.
 */
export function titleRuns(model: PaneModel, room = Number.POSITIVE_INFINITY): Run[] {
  const head: Run[] = [
    { text: model.focused ? '▶ ' : '', sgr: '\x1b[96;1m' },
    { text: `${model.number} ${model.name}`, sgr: model.focused ? '\x1b[1m' : '' },
    ...(model.mark === undefined ? [] : [{ text: ` · ${model.mark}`, sgr: '\x1b[95m' }]),
    { text: ' · ', sgr: '' },
  ];
  const stateSgr = `\x1b[${STATE_SGR[model.state]}m`;
  const full = model.detail === '' ? model.state : `${model.state} (${model.detail})`;
  const tails = [
    ` · ${formatTokens(model.tokensIn, model.tokensOut)} · ${model.cost} · ${model.model}`,
    ` · ${formatTokens(model.tokensIn, model.tokensOut)} · ${model.cost}`,
    ` · ${formatTokens(model.tokensIn, model.tokensOut)}`,
    '',
  ];
  // Without room for the state's detail, the bare state still keeps its tokens when they fit.
  const candidates = [...tails.map((tail) => [full, tail] as const), [model.state, tails[2] ?? ''] as const, [model.state, ''] as const];
  const headCells = head.reduce((sum, run) => sum + stringCells(run.text), 0);
  const chosen = candidates.find(([state, tail]) => headCells + stringCells(state) + stringCells(tail) <= room);
  // Not even the bare state fits: the number and name alone (cut only if they do not fit either).
  if (chosen === undefined) return head.slice(0, model.mark === undefined ? 2 : 3);
  return [...head, { text: chosen[0], sgr: stateSgr }, { text: chosen[1], sgr: '' }];
}

/** Draws one pane; the owner calls `refresh()` once per frame, then paints `surface`. */
export class PaneView {
  /** What the pane looks like, painted into the screen buffer by the owner. */
  readonly surface = new PaneSurface();
  private model: PaneModel;
  private rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  /** First visible row while scrolled up; undefined while following the stream. */
  private anchor: number | undefined;
  private drawnKey = '';
  private titleKey = '';
  /** Copy mode's cursor and selection, search highlights (pane-marks.ts). */
  private marks: PaneMarks | undefined;
  private marksVersion = 0;
  private readonly rowMemo = new RowMemo();

  constructor(model: PaneModel) {
    this.model = model;
    this.setModel(model);
  }

  get name(): string {
    return this.model.name;
  }

  /** False once the user scrolled up; true again after scrolling back to the bottom. */
  get following(): boolean {
    return this.anchor === undefined;
  }

  /** Applies a new model (title, focus, transcript); the rows are pulled on the next refresh. */
  setModel(model: PaneModel): void {
    if (model.transcript !== this.model.transcript) this.drawnKey = '';
    this.model = model;
    this.surface.setBorder(model.focused ? FOCUSED_BORDER_SGR : BORDER_SGR);
    this.placeTitle();
  }

  /** Moves the pane; a rect narrower or lower than 3 cells hides it. */
  setRect(rect: Rect): void {
    this.rect = rect;
    this.surface.setRect(rect);
    this.placeTitle();
  }

  /** Scrolls by `rows` (negative: up, towards older rows). */
  scrollBy(rows: number): void {
    const { height, maxStart } = this.measure();
    if (height <= 0) return;
    const start = Math.min(Math.max(0, this.currentStart(maxStart) + rows), maxStart);
    this.anchor = start >= maxStart ? undefined : start;
  }

  /** Scrolls up by one page less one row, so a line of context stays. */
  pageUp(): void {
    this.scrollBy(-Math.max(1, this.innerHeight() - 1));
  }

  /** Scrolls down by one page less one row. */
  pageDown(): void {
    this.scrollBy(Math.max(1, this.innerHeight() - 1));
  }

  /** Jumps to the newest rows and follows the stream again. */
  scrollToBottom(): void {
    this.anchor = undefined;
  }

  /** Sets (or clears) copy mode's and search's marks; drawn on the next refresh. */
  setMarks(marks: PaneMarks | undefined): void {
    this.marks = marks;
    this.marksVersion += 1;
    this.placeTitle();
  }

  /** The transcript width, the rows shown and the total at that width (copy mode, search). */
  viewport(): { width: number; start: number; height: number; total: number } {
    const width = Math.max(1, this.rect.width - 2);
    const { height, maxStart } = this.measure();
    return { width, start: this.currentStart(maxStart), height, total: this.model.transcript.lineCount(width) };
  }

  /** Scrolls as little as needed to show `row`; with a copy cursor the view then holds still. */
  showRow(row: number): void {
    const { height, maxStart } = this.measure();
    if (height <= 0) return;
    let start = this.currentStart(maxStart);
    if (row < start) start = row;
    else if (row >= start + height) start = row - height + 1;
    start = Math.min(Math.max(0, start), maxStart);
    this.anchor = start >= maxStart && this.marks?.cursor === undefined ? undefined : start;
  }

  /** Pulls the visible rows if anything they depend on changed; true if it redrew. */
  refresh(): boolean {
    if (isHiddenRect(this.rect)) return false;
    const width = this.rect.width - 2;
    const height = this.innerHeight();
    const version = this.model.transcript.version;
    const key = `${version}:${width}:${height}:${this.anchor ?? 'end'}:${this.marksVersion}:${this.streaming}`;
    if (key === this.drawnKey) return false;
    const total = this.model.transcript.lineCount(width);
    const maxStart = Math.max(0, total - height);
    // A copy cursor holds the view still while the stream grows.
    if (this.anchor !== undefined && this.anchor >= maxStart && this.marks?.cursor === undefined) this.anchor = undefined;
    const start = this.currentStart(maxStart);
    this.drawnKey = `${version}:${width}:${height}:${this.anchor ?? 'end'}:${this.marksVersion}:${this.streaming}`;
    const lines = this.model.transcript.lines(width, start, height);
    this.surface.setRows(this.marks === undefined ? this.rowMemo.render(lines, width) : markedLineRows(lines, width, start, this.marks));
    this.placeMore(total - (start + height));
    return true;
  }

  /** Nothing to release: the pane owns no widget (the screen repaints its area after removal). */
  dispose(): void {
    this.surface.setRows([]);
    this.rowMemo.clear();
  }

  private innerHeight(): number {
    return Math.max(0, this.rect.height - 2);
  }

  private measure(): { height: number; maxStart: number } {
    const height = this.innerHeight();
    if (isHiddenRect(this.rect)) return { height: 0, maxStart: 0 };
    const total = this.model.transcript.lineCount(this.rect.width - 2);
    return { height, maxStart: Math.max(0, total - height) };
  }

  private currentStart(maxStart: number): number {
    if (this.anchor !== undefined) return Math.min(this.anchor, maxStart);
    // A copy cursor or search marks want the newest row on the bottom row, as at rest.
    return followStart(maxStart, this.innerHeight(), this.streaming && this.marks === undefined);
  }

  /**
   * The agent is at work on a turn (streaming, or between rounds: request, tool, retry): a
   * following view jumps (jump-scroll.ts) and keeps its jumped position until the turn rests, so
   * the pane does not snap down at each tool call and back up when streaming resumes.
   */
  private get streaming(): boolean {
    return isWorking(this.model.state);
  }

  private placeTitle(): void {
    if (isHiddenRect(this.rect)) return;
    const room = Math.max(0, this.rect.width - 4);
    const model = this.model;
    // setModel runs every tick for every pane: rebuild the title only when what it shows changed.
    const key = `${room}\0${this.marks?.label ?? ''}\0${model.focused}\0${model.number}\0${model.name}\0${model.state}\0${model.detail}\0${model.tokensIn}\0${model.tokensOut}\0${model.cost}\0${model.model}`;
    if (key === this.titleKey) return;
    this.titleKey = key;
    const label = this.marks?.label === undefined ? [] : [{ text: `${this.marks.label} `, sgr: '\x1b[30;103m' }];
    const runs = [{ text: ' ', sgr: '' }, ...label, ...titleRuns(model, room - 2 - (label[0]?.text.length ?? 0))];
    const content = renderRuns(runs, room - 1) + ' ';
    const plain = runs.map((run) => run.text).join('');
    const cells = Math.min(room, stringCells(plain) + 1);
    this.surface.setTitle(room > 1 ? { content, cells: Math.max(1, cells) } : { content: '', cells: 0 });
  }

  private placeMore(below: number): void {
    const text = ` ↓ ${below} more `;
    const cells = stringCells(text);
    if (below <= 0 || cells > this.rect.width - 2) this.surface.setMore({ content: '', cells: 0 });
    else this.surface.setMore({ content: `\x1b[93m${text}\x1b[0m`, cells });
  }
}
