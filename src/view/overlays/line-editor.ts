// One line of editable text with a cursor, and the readline keys people expect:
// left/right/home/end, backspace/delete, C-a/C-e, C-u (to start), C-w (word), C-k (to end).
import { fitCells, stringCells } from '../char-width.js';
import { renderRuns } from '../line-render.js';
import { typedText, type KeyPress } from './overlay.js';

/** Editable text; indexes count characters (code points), never UTF-16 halves. */
export class LineEditor {
  private chars: string[];
  private at: number;

  constructor(text = '') {
    this.chars = Array.from(text);
    this.at = this.chars.length;
  }

  get text(): string {
    return this.chars.join('');
  }

  /** Cursor position in characters. */
  get cursor(): number {
    return this.at;
  }

  /** Replaces the text and puts the cursor at its end. */
  set(text: string): void {
    this.chars = Array.from(text);
    this.at = this.chars.length;
  }

  /** Moves the cursor to character `index` (clamped to the text). */
  moveTo(index: number): void {
    this.at = Math.min(Math.max(0, index), this.chars.length);
  }

  /** Inserts typed or pasted text at the cursor. */
  insert(text: string): void {
    const added = Array.from(text);
    this.chars.splice(this.at, 0, ...added);
    this.at += added.length;
  }

  /** Applies an editing key; false when the key is not an editing key. */
  handleKey(key: KeyPress): boolean {
    switch (key.full) {
      case 'left':
      case 'C-b':
        this.at = Math.max(0, this.at - 1);
        return true;
      case 'right':
      case 'C-f':
        this.at = Math.min(this.chars.length, this.at + 1);
        return true;
      case 'home':
      case 'C-a':
        this.at = 0;
        return true;
      case 'end':
      case 'C-e':
        this.at = this.chars.length;
        return true;
      case 'backspace':
      case 'C-h':
        if (this.at > 0) this.chars.splice(--this.at, 1);
        return true;
      case 'delete':
      case 'C-d':
        this.chars.splice(this.at, 1);
        return true;
      case 'C-u':
        this.chars.splice(0, this.at);
        this.at = 0;
        return true;
      case 'C-k':
        this.chars.splice(this.at);
        return true;
      case 'C-w':
        this.deleteWordBefore();
        return true;
      default: {
        const text = typedText(key);
        if (text === undefined) return false;
        this.insert(text);
        return true;
      }
    }
  }

  /** The line as content `width` cells wide: prefix, text scrolled so the cursor shows, cursor in inverse. */
  render(prefix: string, width: number): string {
    const room = Math.max(1, width - stringCells(prefix) - 1);
    const shown = displayChars(this.chars);
    let from = 0;
    // Scroll right until the text before the cursor fits, keeping the cursor cell visible.
    while (from < this.at && stringCells(shown.slice(from, this.at).join('')) > room - 1) from++;
    const before = shown.slice(from, this.at).join('');
    // A tab under the cursor: the cursor sits on its first cell, the rest of its cells follow.
    const cursorCell = Array.from(shown[this.at] ?? ' ');
    const under = cursorCell[0] ?? ' ';
    const rest = cursorCell.slice(1).join('') + shown.slice(this.at + 1).join('');
    const after = fitCells(rest, Math.max(0, room - stringCells(before) - 1)).text;
    return renderRuns(
      [
        { text: prefix, sgr: '\x1b[1m' },
        { text: before, sgr: '' },
        { text: under, sgr: '\x1b[7m' },
        { text: after, sgr: '' },
      ],
      width,
    );
  }

  private deleteWordBefore(): void {
    let start = this.at;
    while (start > 0 && this.chars[start - 1] === ' ') start--;
    while (start > 0 && this.chars[start - 1] !== ' ') start--;
    this.chars.splice(start, this.at - start);
    this.at = start;
  }
}

/** Pasted lines made one line for a one-line input: line breaks become spaces (a trailing one goes). */
export function oneLine(text: string): string {
  return text.replace(/\n+$/, '').replace(/\n+/g, ' ');
}

const TAB_STOP = 8;

/**
 * What each character looks like on the line: a tab as spaces to the next tab stop, any other
 * control as U+FFFD. The renderer drops controls, so drawn raw they would vanish: a tool result
 * read as "    1\t// text" showed as "    1// text" and the cursor disappeared on a tab.
 */
export function displayChars(chars: readonly string[]): string[] {
  let column = 0;
  return chars.map((char) => {
    const code = char.codePointAt(0) ?? 0;
    let shown = char;
    if (char === '\t') shown = ' '.repeat(TAB_STOP - (column % TAB_STOP));
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) shown = '\ufffd';
    column += stringCells(shown);
    return shown;
  });
}
