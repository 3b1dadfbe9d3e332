// The composer (issue 11 item 7): the message box of `Enter` and `b`. Several lines, as wide as
// the pane it writes to and growing with its text; Enter sends, C-j (or `\` then Enter) adds a
// newline, ↑/↓ move by the rows shown (a long line wraps) and past them walk the history, C-g hands the draft to $EDITOR. Esc
// never throws the draft away: on a box with text the first Esc only says so, a second closes
// it and the app keeps the draft for the next time the box opens.
import type blessed from 'blessed';
import { newBox } from '../blessed-widgets.js';
import type { Rect } from '../../core/layout-solver.js';
import { renderRuns } from '../line-render.js';
import { MultiLineText } from './multi-line-text.js';
import { columnOnRow, cursorRow, renderRow, wrapRows, type TextCursor } from './wrapped-rows.js';
import type { KeyPress, Overlay, OverlayHost } from './overlay.js';
import { hintRows } from '../hint-fit.js';

export type ComposerOptions = {
  /** The first line, e.g. "message alpha" or "broadcast a nudge to every agent". */
  readonly title: string;
  /** The draft to start from (kept from the last time the box closed). */
  readonly text?: string;
  /** Messages sent before, oldest first: ↑ on the first line walks back through them. */
  readonly history?: readonly string[];
  /** Where the box sits: at the bottom of this rect (the pane), as wide as it. */
  readonly area: () => Rect;
  /** Enter: the box closes, then this runs with the text. */
  readonly onSubmit: (text: string) => void;
  /** A second Esc (or Esc on an empty box): the box closes; `draft` is what it held. */
  readonly onClose: (draft: string) => void;
  /** C-g: the box closes and the app edits `draft` in $EDITOR (then opens the box again). */
  readonly onEditor?: (draft: string) => void;
  /** A chord the box does not bind (`M-z`, `C-p`): the app says so, as normal mode does (B3). */
  readonly onUnboundChord?: (key: KeyPress) => void;
};

/** Keys that add a newline instead of sending: C-j (a line feed), Alt-Enter. */
const NEWLINE_KEYS: ReadonlySet<string> = new Set(['linefeed', 'C-j', 'M-enter', 'M-return']);
/** What the first row starts with. */
const PROMPT = '> ';
/** The most text rows the box grows to. */
const MAX_ROWS = 10;

/** The composer overlay; see `ComposerOptions`. */
export class ComposerOverlay implements Overlay {
  readonly editsText = true;
  readonly leavesPanesInSight = true;
  private readonly content: MultiLineText;
  private readonly box: blessed.Widgets.BoxElement;
  private readonly history: readonly string[];
  /** Where ↑/↓ stand in the history; `history.length` is the draft being written. */
  private historyIndex: number;
  private unsent: string;
  private escapeArmed = false;
  private top = 0;

  constructor(
    private readonly host: OverlayHost,
    private readonly options: ComposerOptions,
  ) {
    this.content = new MultiLineText(options.text ?? '');
    this.history = options.history ?? [];
    this.historyIndex = this.history.length;
    this.unsent = options.text ?? '';
    this.box = newBox({ parent: host.screen, border: { type: 'line' }, style: { border: { fg: 'brightcyan' } }, tags: false, wrap: false });
    this.draw();
  }

  /** The whole text as written so far. */
  get text(): string {
    return this.content.text;
  }

  handleKey(key: KeyPress): void {
    const armed = this.escapeArmed;
    this.escapeArmed = false;
    if (key.full === 'escape' || key.full === 'M-escape') {
      if (this.text.trim() === '' || armed || key.full === 'M-escape') {
        const draft = this.draftToKeep();
        this.finish(() => this.options.onClose(draft));
      } else {
        this.escapeArmed = true;
      }
      this.draw();
      return;
    }
    if (key.full === 'enter') {
      const before = this.content.beforeCursor;
      if (before.endsWith('\\')) {
        this.content.handleKey(BACKSPACE);
        this.content.newline();
      } else if (this.text.trim() === '') {
        this.finish(() => this.options.onClose(''));
        return;
      } else {
        const text = this.text;
        this.finish(() => this.options.onSubmit(text));
        return;
      }
    } else if (NEWLINE_KEYS.has(key.full)) {
      this.content.newline();
    } else if (key.full === 'C-g' && this.options.onEditor !== undefined) {
      const onEditor = this.options.onEditor;
      const text = this.text;
      this.finish(() => onEditor(text));
      return;
    } else if (key.full === 'up' || key.full === 'down') {
      this.moveRow(key.full === 'up' ? -1 : 1);
    } else if (!this.content.handleKey(key)) {
      if (key.ctrl || key.meta) this.options.onUnboundChord?.(key);
      this.draw();
      return;
    }
    this.draw();
  }

  /** A paste goes in as text, its lines kept; it never sends. */
  paste(text: string): void {
    this.escapeArmed = false;
    this.content.insert(text);
    this.draw();
  }

  draw(): void {
    const area = this.options.area();
    const width = Math.max(12, area.width);
    const inner = width - 2;
    const lines = this.content.allLines;
    const cursor = this.cursor();
    const wrapped = wrapRows(lines, this.roomFor(inner), cursor);
    const at = cursorRow(wrapped, cursor);
    const footer = this.escapeArmed
      ? ['Esc again closes · the draft is kept: Enter opens it again']
      : // A narrow box puts how to send and add a newline on a row of their own (hint-fit.ts).
        hintRows(`Enter send · C-j or \\ Enter newline · ↑↓ history${this.options.onEditor === undefined ? '' : ' · C-g editor'} · Esc Esc close (draft kept)`, inner, 2);
    const room = Math.max(1, Math.min(MAX_ROWS, area.height - 3 - footer.length));
    const rows = Math.min(wrapped.length, room);
    const height = rows + 3 + footer.length;
    this.box.left = area.x;
    this.box.top = Math.max(0, area.y + area.height - height);
    this.box.width = width;
    this.box.height = height;
    if (at < this.top) this.top = at;
    if (at >= this.top + rows) this.top = at - rows + 1;
    this.top = Math.min(this.top, Math.max(0, wrapped.length - rows));
    const more = wrapped.length > rows ? ` (line ${cursor.line + 1} of ${lines.length})` : '';
    const title = renderRuns([{ text: `${this.options.title}${more}`, sgr: '\x1b[1m' }], inner);
    const body = wrapped.slice(this.top, this.top + rows).map((row, index) => {
      const lead = row.line === 0 && row.start === 0 ? PROMPT : ' '.repeat(PROMPT.length);
      return renderRow(lines, row, lead, this.top + index === at ? cursor : undefined, inner);
    });
    // A narrow box drops hints from the middle, never how to close it (hint-fit.ts).
    const footerRows = footer.map((text) => renderRuns([{ text, sgr: this.escapeArmed ? '\x1b[33m' : '\x1b[90m' }], inner));
    this.box.setContent([title, ...body, ...footerRows].join('\n'));
    this.host.requestRender();
  }

  destroy(): void {
    this.box.destroy();
  }

  private finish(then: () => void): void {
    this.host.close(this);
    then();
  }

  /** What closing keeps: the text, unless it is a history entry only looked at (then the unsent draft). */
  private draftToKeep(): string {
    const text = this.text;
    return this.historyIndex < this.history.length && text === this.history[this.historyIndex] ? this.unsent : text;
  }

  private cursor(): TextCursor {
    return { line: this.content.row, column: this.content.column };
  }

  // Cells a wrapped row holds: the box's inner width less the prompt's.
  private roomFor(inner: number): number {
    return Math.max(1, inner - PROMPT.length);
  }

  // ↑/↓ move by the rows shown (a long line wraps); past the first / last row they walk the history.
  private moveRow(step: number): void {
    const lines = this.content.allLines;
    const cursor = this.cursor();
    const wrapped = wrapRows(lines, this.roomFor(Math.max(12, this.options.area().width) - 2), cursor);
    const target = cursorRow(wrapped, cursor) + step;
    if (target < 0 || target >= wrapped.length) {
      this.walkHistory(step);
      return;
    }
    const next = columnOnRow(lines, wrapped, cursor, target);
    this.content.place(next.line, next.column);
  }

  private walkHistory(step: number): void {
    const next = Math.min(Math.max(0, this.historyIndex + step), this.history.length);
    if (next === this.historyIndex) return;
    if (this.historyIndex === this.history.length) this.unsent = this.text;
    this.historyIndex = next;
    this.content.set(next === this.history.length ? this.unsent : (this.history[next] ?? ''));
  }
}

const BACKSPACE: KeyPress = { full: 'backspace', name: 'backspace', ch: undefined, ctrl: false, meta: false, shift: false };
