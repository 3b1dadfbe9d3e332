// Several lines of editable text with a cursor row: what the in-app editor (`e`) and the
// composer (`Enter`, `b`) edit. The row under the cursor edits like the prompt (line-editor.ts).
import { renderRuns } from '../line-render.js';
import { displayChars, LineEditor } from './line-editor.js';
import type { KeyPress } from './overlay.js';

/** Editable lines; `handleKey` applies the keys both multi-line editors share. */
export class MultiLineText {
  private lines: string[];
  private rowAt: number;
  private readonly current: LineEditor;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.rowAt = this.lines.length - 1;
    this.current = new LineEditor(this.lines[this.rowAt] ?? '');
  }

  /** The whole text as edited so far. */
  get text(): string {
    this.lines[this.rowAt] = this.current.text;
    return this.lines.join('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Every line as edited so far. */
  get allLines(): readonly string[] {
    this.lines[this.rowAt] = this.current.text;
    return [...this.lines];
  }

  /** The cursor's character index in its line. */
  get column(): number {
    return this.current.cursor;
  }

  /** Puts the cursor on `line` at character `column` (both clamped). */
  place(line: number, column: number): void {
    this.load(Math.min(Math.max(0, line), this.lines.length - 1), column);
  }

  /** The cursor's row (0 is the first line). */
  get row(): number {
    return this.rowAt;
  }

  /** The text before the cursor on its row. */
  get beforeCursor(): string {
    return Array.from(this.current.text).slice(0, this.current.cursor).join('');
  }

  /** Replaces everything; the cursor goes to the end. */
  set(text: string): void {
    this.lines = text.split('\n');
    this.rowAt = this.lines.length - 1;
    this.current.set(this.lines[this.rowAt] ?? '');
  }

  /** Inserts text at the cursor; its newlines start new lines (a paste keeps its lines). */
  insert(text: string): void {
    const [first = '', ...rest] = text.split('\n');
    this.current.insert(first);
    for (const line of rest) {
      this.newline();
      this.current.insert(line);
    }
  }

  /** Breaks the line at the cursor. */
  newline(): void {
    const chars = Array.from(this.current.text);
    const at = this.current.cursor;
    this.lines[this.rowAt] = chars.slice(0, at).join('');
    this.lines.splice(this.rowAt + 1, 0, chars.slice(at).join(''));
    this.load(this.rowAt + 1, 0);
  }

  /** Deletes the character before the cursor (joining lines at a line start). */
  backspace(): void {
    if (this.current.cursor > 0 || this.rowAt === 0) {
      this.current.handleKey(BACKSPACE);
      return;
    }
    const rest = this.current.text;
    const previous = this.lines[this.rowAt - 1] ?? '';
    this.lines.splice(this.rowAt, 1);
    this.rowAt -= 1;
    this.lines[this.rowAt] = previous + rest;
    this.current.set(previous + rest);
    this.current.moveTo(Array.from(previous).length);
  }

  /** Moves the cursor `step` rows (clamped), keeping its column where it can; false when it could not move. */
  moveRow(step: number): boolean {
    const row = Math.min(Math.max(0, this.rowAt + step), this.lines.length - 1);
    if (row === this.rowAt) return false;
    this.load(row, this.current.cursor);
    return true;
  }

  /**
   * The editing keys both editors share: arrows across rows, Backspace/Delete joining lines, and
   * the line keys of the prompt; false when `key` is none of them.
   */
  handleKey(key: KeyPress): boolean {
    switch (key.full) {
      case 'up':
        this.moveRow(-1);
        return true;
      case 'down':
        this.moveRow(1);
        return true;
      case 'backspace':
        this.backspace();
        return true;
      case 'delete':
        if (this.current.cursor === Array.from(this.current.text).length && this.rowAt < this.lines.length - 1) {
          const next = this.lines[this.rowAt + 1] ?? '';
          const at = this.current.cursor;
          this.lines.splice(this.rowAt + 1, 1);
          this.current.set(this.current.text + next);
          this.current.moveTo(at);
          return true;
        }
        return this.current.handleKey(key);
      default:
        return this.current.handleKey(key);
    }
  }

  /** Rows `top`…`top + count - 1` as content `width` cells wide, the cursor row with its cursor. */
  render(top: number, count: number, width: number, prefix = ''): string[] {
    this.lines[this.rowAt] = this.current.text;
    const out: string[] = [];
    for (let index = top; index < Math.min(this.lines.length, top + count); index++) {
      const lead = index === 0 ? prefix : ' '.repeat(prefix.length);
      out.push(
        index === this.rowAt
          ? this.current.render(lead, width)
          : renderRuns(
              [
                { text: lead, sgr: '\x1b[1m' },
                { text: displayChars(Array.from(this.lines[index] ?? '')).join(''), sgr: '' },
              ],
              width,
            ),
      );
    }
    return out;
  }

  private load(row: number, column: number): void {
    this.lines[this.rowAt] = this.current.text;
    this.rowAt = row;
    this.current.set(this.lines[row] ?? '');
    this.current.moveTo(column);
  }
}

const BACKSPACE: KeyPress = { full: 'backspace', name: 'backspace', ch: undefined, ctrl: false, meta: false, shift: false };
