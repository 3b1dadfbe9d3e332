// The part of a long list that shows: a selection (or a top row) kept within a window of rows,
// moved by arrows, pages and Home/End. Lists draw only this window, never every row.
import type { Move } from '../../core/list-move.js';
import type { KeyPress } from './overlay.js';

/** Scroll state of a list of `count` rows shown `height` rows at a time. */
export class ListWindow {
  private index: number;
  private first = 0;

  /** `selecting`: the keys move a highlighted row; otherwise they scroll the view. */
  constructor(
    private readonly count: number,
    private readonly selecting: boolean,
    selected = 0,
  ) {
    this.index = Math.min(Math.max(0, selected), Math.max(0, count - 1));
  }

  get selected(): number {
    return this.index;
  }

  get top(): number {
    return this.first;
  }

  /** Applies a movement key for a window `height` rows high; false if it is not one. */
  handleKey(key: KeyPress, height: number): boolean {
    const page = Math.max(1, height - 1);
    switch (key.full) {
      case 'up':
      case 'k':
        this.move(-1, height);
        return true;
      case 'down':
      case 'j':
        this.move(1, height);
        return true;
      case 'pageup':
        this.move(-page, height);
        return true;
      case 'pagedown':
      case 'space':
        this.move(page, height);
        return true;
      case 'home':
      case 'g':
        this.move(-this.count, height);
        return true;
      case 'end':
      case 'S-g':
        this.move(this.count, height);
        return true;
      default:
        return false;
    }
  }

  /** Applies a movement (an overlay key's command line) in a window `height` rows high. */
  applyMove(move: Move, height: number): void {
    const page = Math.max(1, height - 1);
    const step = move.kind === 'rows' ? move.rows : move.kind === 'page' ? move.pages * page : move.end === 'top' ? -this.count : this.count;
    this.move(step, height);
  }

  /** Moves by `rows` (the mouse wheel) in a window `height` rows high. */
  scroll(rows: number, height: number): void {
    this.move(rows, height);
  }

  /** Row indexes [start, end) to draw in a window `height` rows high. */
  visible(height: number): { start: number; end: number } {
    this.clamp(height);
    return { start: this.first, end: Math.min(this.count, this.first + height) };
  }

  private move(step: number, height: number): void {
    if (this.selecting) this.index = Math.min(Math.max(0, this.index + step), Math.max(0, this.count - 1));
    else this.first += step;
    this.clamp(height);
  }

  private clamp(height: number): void {
    const maxFirst = Math.max(0, this.count - height);
    if (this.selecting) {
      if (this.index < this.first) this.first = this.index;
      if (this.index >= this.first + height) this.first = this.index - height + 1;
    }
    this.first = Math.min(Math.max(0, this.first), maxFirst);
  }
}
