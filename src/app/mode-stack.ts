// The app's mode stack (DESIGN.md §2): normal mode at the bottom, each open overlay, prompt or
// picker a mode on top. The status bar's mode name and hints come from the top mode's table.
// Entering returns the way out, so a mode leaves exactly once, wherever it sits in the stack.
import type { ModeName } from '../core/key-table.js';

/** One mode on the stack; identity matters, so two entries of the same name are distinct. */
type Entry = { readonly name: ModeName };

/** The stack; see the file comment. */
export class ModeStack {
  private readonly entries: Entry[] = [];

  constructor(private readonly changed: () => void) {}

  /** Pushes `name`; the returned function removes this entry (a second call does nothing). */
  enter(name: ModeName): () => void {
    const entry: Entry = { name };
    this.entries.push(entry);
    this.changed();
    return () => {
      const index = this.entries.indexOf(entry);
      if (index < 0) return;
      this.entries.splice(index, 1);
      this.changed();
    };
  }

  /** The top mode; normal when nothing is open. */
  top(): ModeName {
    return this.entries[this.entries.length - 1]?.name ?? 'normal';
  }

  /** The modes from the bottom (normal) to the top. */
  names(): readonly ModeName[] {
    return ['normal', ...this.entries.map((entry) => entry.name)];
  }
}
