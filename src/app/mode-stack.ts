// The app's mode stack (DESIGN.md §2): normal mode at the bottom, each open overlay, prompt or
// picker a mode on top. The status bar's mode name and hints come from the top mode's table.
// Entering returns the way out, so a mode leaves exactly once, wherever it sits in the stack.
// A mode whose keys run command lines carries the handle those commands act on.
import type { ModeName } from '../core/key-table.js';
import { isHandleOf, type HandleKind, type ModeHandle } from './mode-handle.js';

/** One mode on the stack; identity matters, so two entries of the same name are distinct. */
type Entry = { readonly name: ModeName; readonly handle: ModeHandle | undefined };

/** The stack; see the file comment. */
export class ModeStack {
  private readonly entries: Entry[] = [];

  constructor(private readonly changed: () => void) {}

  /** Pushes `name` (with the handle its keys' commands act on); the returned function removes this entry (a second call does nothing). */
  enter(name: ModeName, handle?: ModeHandle): () => void {
    const entry: Entry = { name, handle };
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

  /** The handle of the topmost open mode of `kind`, if one is open. */
  handle<K extends HandleKind>(kind: K): Extract<ModeHandle, { kind: K }> | undefined {
    for (let index = this.entries.length - 1; index >= 0; index--) {
      const handle = this.entries[index]?.handle;
      if (handle !== undefined && isHandleOf(handle, kind)) return handle;
    }
    return undefined;
  }
}
