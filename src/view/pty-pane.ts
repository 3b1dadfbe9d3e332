// A PTY agent's pane: a border whose inside is the child's emulated screen, read row by row
// from the emulator's buffer each frame (only the visible rows, and only when the screen
// changed) and painted by its PaneSurface (only the rows that changed). Scrolled up, it shows
// the scrollback; the cursor is drawn while attached.
import type { PaneModel, PtyPaneModel } from '../core/cockpit-view-model.js';
import type { Rect } from '../core/layout-solver.js';
import type { PtyScreen } from '../core/pty-session.js';
import { stringCells } from './char-width.js';
import { STATE_SGR } from './format.js';
import { renderRuns, type Run } from './line-render.js';
import { BORDER_SGR, FOCUSED_BORDER_SGR, PaneView } from './pane-view.js';
import { isHiddenRect, PaneSurface } from './pane-surface.js';
import { renderPtyRow } from './pty-pane-render.js';

/** blessed's `brightyellow`, the border of the attached pane. */
const ATTACHED_BORDER_SGR = '\x1b[93m';

/**
 * The title of a PTY pane: number, name, state, then "attached — C-q detaches" or the command.
 * With `room` cells, whole parts are dropped from the end (the command, then the state's detail)
 * rather than a phrase being cut in the middle.
 */
export function ptyTitleRuns(model: PaneModel, terminal: PtyPaneModel, room = Number.POSITIVE_INFINITY): Run[] {
  const head: Run[] = [
    { text: model.focused ? '▶ ' : '', sgr: '\x1b[96;1m' },
    { text: `${model.number} ${model.name}`, sgr: model.focused ? '\x1b[1m' : '' },
    { text: ' · ', sgr: '' },
  ];
  const stateSgr = terminal.attached ? '\x1b[93;1m' : `\x1b[${STATE_SGR[model.state]}m`;
  const full = terminal.attached ? 'attached — C-q detaches' : model.detail === '' ? model.state : `${model.state} (${model.detail})`;
  const short = terminal.attached ? 'attached' : model.state;
  const tail = ` · ${terminal.command}`;
  const candidates = [[full, tail], [full, ''], [short, '']] as const;
  const headCells = head.reduce((sum, run) => sum + stringCells(run.text), 0);
  const chosen = candidates.find(([state, rest]) => headCells + stringCells(state) + stringCells(rest) <= room) ?? [short, ''];
  return [...head, { text: chosen[0], sgr: stateSgr }, { text: chosen[1], sgr: '' }];
}

/** Draws one PTY pane; the owner calls `refresh()` once per frame, then paints `surface`. */
export class PtyPaneView {
  /** What the pane looks like, painted into the screen buffer by the owner. */
  readonly surface = new PaneSurface();
  private model: PaneModel;
  private terminal: PtyPaneModel;
  private rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  /** First buffer line shown while scrolled up; undefined while following the live screen. */
  private anchor: number | undefined;
  private drawnScreen: PtyScreen | undefined;
  private drawnKey = '';

  constructor(model: PaneModel, terminal: PtyPaneModel) {
    this.model = model;
    this.terminal = terminal;
    this.setModel(model, terminal);
  }

  get name(): string {
    return this.model.name;
  }

  /** False once the user scrolled up into the scrollback. */
  get following(): boolean {
    return this.anchor === undefined;
  }

  /** Applies a new model; a new screen (after restart) starts at the live screen. */
  setModel(model: PaneModel, terminal: PtyPaneModel): void {
    if (terminal.screen !== this.terminal.screen) this.anchor = undefined;
    this.model = model;
    this.terminal = terminal;
    const bold = model.focused ? '\x1b[1m' : '';
    this.surface.setBorder(terminal.attached ? bold + ATTACHED_BORDER_SGR : model.focused ? FOCUSED_BORDER_SGR : BORDER_SGR);
    this.placeTitle();
  }

  /** Moves the pane; a rect narrower or lower than 3 cells hides it. */
  setRect(rect: Rect): void {
    this.rect = rect;
    this.surface.setRect(rect);
    this.placeTitle();
  }

  /** Scrolls the scrollback by `rows` (negative: up, towards older lines). */
  scrollBy(rows: number): void {
    const screen = this.terminal.screen;
    if (screen === undefined) return;
    const live = this.liveTop(screen);
    const start = Math.min(Math.max(0, (this.anchor ?? live) + rows), live);
    this.anchor = start >= live ? undefined : start;
  }

  pageUp(): void {
    this.scrollBy(-Math.max(1, this.innerHeight() - 1));
  }

  pageDown(): void {
    this.scrollBy(Math.max(1, this.innerHeight() - 1));
  }

  /** Back to the live screen. */
  scrollToBottom(): void {
    this.anchor = undefined;
  }

  /** Reads the visible rows if the screen, the size, the scroll or the attach state changed; true if it redrew. */
  refresh(): boolean {
    if (isHiddenRect(this.rect)) return false;
    const screen = this.terminal.screen;
    const width = this.rect.width - 2;
    const height = this.innerHeight();
    const key = `${screen?.version ?? -1}:${width}:${height}:${this.anchor ?? 'live'}:${this.terminal.attached}`;
    if (key === this.drawnKey && screen === this.drawnScreen) return false;
    this.drawnKey = key;
    this.drawnScreen = screen;
    if (screen === undefined) {
      this.surface.setRows([]);
      this.placeMore(0);
      return true;
    }
    const live = this.liveTop(screen);
    if (this.anchor !== undefined && this.anchor >= live) this.anchor = undefined;
    const top = this.anchor ?? live;
    const cursor = screen.cursor;
    const showCursor = this.terminal.attached && this.anchor === undefined && cursor.visible;
    const cursorLine = screen.baseY + cursor.y;
    const rows: string[] = [];
    for (let y = top; y < Math.min(screen.length, top + height); y++) {
      rows.push(renderPtyRow(screen.runs(y), width, showCursor && y === cursorLine ? cursor.x : undefined));
    }
    this.surface.setRows(rows);
    this.placeMore(live - top);
    return true;
  }

  /** Nothing to release: the pane owns no widget (the screen repaints its area after removal). */
  dispose(): void {
    this.surface.setRows([]);
  }

  // The first line of the live screen, or of the last `height` lines when the pane is lower.
  private liveTop(screen: PtyScreen): number {
    return Math.max(0, Math.max(screen.baseY, screen.length - Math.max(1, this.innerHeight())));
  }

  private innerHeight(): number {
    return Math.max(0, this.rect.height - 2);
  }

  private placeTitle(): void {
    if (isHiddenRect(this.rect)) return;
    const room = Math.max(0, this.rect.width - 4);
    const runs = [{ text: ' ', sgr: '' }, ...ptyTitleRuns(this.model, this.terminal, room - 2)];
    const content = renderRuns(runs, room - 1) + ' ';
    const plain = runs.map((run) => run.text).join('');
    const cells = Math.min(room, stringCells(plain) + 1);
    this.surface.setTitle(room > 1 ? { content, cells: Math.max(1, cells) } : { content: '', cells: 0 });
  }

  private placeMore(below: number): void {
    const text = ` scrollback: ${below} lines below `;
    const cells = stringCells(text);
    if (below <= 0 || cells > this.rect.width - 2) this.surface.setMore({ content: '', cells: 0 });
    else this.surface.setMore({ content: `\x1b[93m${text}\x1b[0m`, cells });
  }
}

/** A pane of either kind: a transcript or a PTY agent's screen. */
export type AgentPane = PaneView | PtyPaneView;

/** The pane to draw `model` in: `existing` updated when it is of the right kind, else a new one (the old one disposed). */
export function syncPane(existing: AgentPane | undefined, model: PaneModel): AgentPane {
  const terminal = model.terminal;
  if (terminal === undefined) {
    if (existing instanceof PaneView) {
      existing.setModel(model);
      return existing;
    }
    existing?.dispose();
    return new PaneView(model);
  }
  if (existing instanceof PtyPaneView) {
    existing.setModel(model, terminal);
    return existing;
  }
  existing?.dispose();
  return new PtyPaneView(model, terminal);
}
