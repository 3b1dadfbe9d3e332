// One agent's pane: a bordered box at a rect, a title in the top border, and a virtualized
// transcript — each frame asks the TranscriptView only for the rows it shows.
import blessed from 'blessed';
import type { PaneModel } from '../core/cockpit-view-model.js';
import type { Rect } from '../core/layout-solver.js';
import { STATE_SGR, formatTokens } from './format.js';
import { renderLines, renderRuns, type Run } from './line-render.js';
import { stringCells } from './char-width.js';

const FOCUSED_BORDER = 'brightcyan';
const BORDER = 'gray';

/** True when a rect is too small to hold a border around anything. */
export function isHiddenRect(rect: Rect): boolean {
  return rect.width < 3 || rect.height < 3;
}

/**
 * The title's runs: pane number, name, state (coloured), tokens, cost, model; `▶` when focused.
 * With `room` cells, whole parts are dropped from the end (model, cost, tokens, then the
 * state's detail) rather than a number being cut in the middle.
 */
export function titleRuns(model: PaneModel, room = Number.POSITIVE_INFINITY): Run[] {
  const head: Run[] = [
    { text: model.focused ? '▶ ' : '', sgr: '\x1b[96;1m' },
    { text: `${model.number} ${model.name}`, sgr: model.focused ? '\x1b[1m' : '' },
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
  const candidates = [...tails.map((tail) => [full, tail] as const), [model.state, ''] as const];
  const headCells = head.reduce((sum, run) => sum + stringCells(run.text), 0);
  const chosen =
    candidates.find(([state, tail]) => headCells + stringCells(state) + stringCells(tail) <= room) ??
    candidates[candidates.length - 1] ??
    [full, ''];
  return [...head, { text: chosen[0], sgr: stateSgr }, { text: chosen[1], sgr: '' }];
}

/** Draws one pane; the owner calls `refresh()` once per frame, before the screen renders. */
export class PaneView {
  private readonly borderStyle = { fg: BORDER, bold: false };
  private readonly frame: blessed.Widgets.BoxElement;
  private readonly title: blessed.Widgets.BoxElement;
  private readonly more: blessed.Widgets.BoxElement;
  private model: PaneModel;
  private rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  /** First visible row while scrolled up; undefined while following the stream. */
  private anchor: number | undefined;
  private drawnKey = '';
  private titleText = '';

  constructor(parent: blessed.Widgets.Node, model: PaneModel) {
    this.model = model;
    const common = { parent, tags: false, wrap: false, hidden: true } as const;
    this.frame = blessed.box({
      ...common,
      border: { type: 'line' },
      style: { border: this.borderStyle },
    });
    this.title = blessed.box({ ...common, height: 1 });
    this.more = blessed.box({ ...common, height: 1 });
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
    this.borderStyle.fg = model.focused ? FOCUSED_BORDER : BORDER;
    this.borderStyle.bold = model.focused;
    this.placeTitle();
  }

  /** Moves the pane; a rect narrower or lower than 3 cells hides it. */
  setRect(rect: Rect): void {
    this.rect = rect;
    if (isHiddenRect(rect)) {
      this.frame.hide();
      this.title.hide();
      this.more.hide();
      return;
    }
    this.frame.left = rect.x;
    this.frame.top = rect.y;
    this.frame.width = rect.width;
    this.frame.height = rect.height;
    this.frame.show();
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

  /** Pulls the visible rows if anything they depend on changed; true if it redrew. */
  refresh(): boolean {
    if (isHiddenRect(this.rect)) return false;
    const width = this.rect.width - 2;
    const height = this.innerHeight();
    const version = this.model.transcript.version;
    const key = `${version}:${width}:${height}:${this.anchor ?? 'end'}`;
    if (key === this.drawnKey) return false;
    const total = this.model.transcript.lineCount(width);
    const maxStart = Math.max(0, total - height);
    if (this.anchor !== undefined && this.anchor >= maxStart) this.anchor = undefined;
    const start = this.currentStart(maxStart);
    this.drawnKey = `${version}:${width}:${height}:${this.anchor ?? 'end'}`;
    const lines = this.model.transcript.lines(width, start, height);
    this.frame.setContent(renderLines(lines, width));
    this.placeMore(total - (start + height));
    return true;
  }

  /** Removes the pane's widgets from the screen. */
  dispose(): void {
    this.frame.destroy();
    this.title.destroy();
    this.more.destroy();
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
    return this.anchor === undefined ? maxStart : Math.min(this.anchor, maxStart);
  }

  private placeTitle(): void {
    if (isHiddenRect(this.rect)) return;
    const room = Math.max(0, this.rect.width - 4);
    const runs = [{ text: ' ', sgr: '' }, ...titleRuns(this.model, room - 2)];
    const content = renderRuns(runs, room - 1) + ' ';
    const plain = runs.map((run) => run.text).join('');
    const cells = Math.min(room, stringCells(plain) + 1);
    if (content !== this.titleText) {
      this.titleText = content;
      this.title.setContent(content);
    }
    this.title.left = this.rect.x + 1;
    this.title.top = this.rect.y;
    this.title.width = Math.max(1, cells);
    if (room > 1) this.title.show();
    else this.title.hide();
  }

  private placeMore(below: number): void {
    const text = ` ↓ ${below} more `;
    const cells = stringCells(text);
    if (below <= 0 || cells > this.rect.width - 2) {
      this.more.hide();
      return;
    }
    this.more.setContent(`\x1b[93m${text}\x1b[0m`);
    this.more.left = this.rect.x + this.rect.width - 1 - cells;
    this.more.top = this.rect.y + this.rect.height - 1;
    this.more.width = cells;
    this.more.show();
  }
}
