// A command's output as a terminal would leave it: a lone `\r` (a progress bar redrawing its
// line) replaces the line so far, and `\r\n` is a plain newline. Without this, every redraw of
// a progress bar would reach the model and the journal, glued together into one huge line.

/** Past this many characters without a newline, the pending line is passed on as it is. */
const MAX_PENDING_CHARS = 64 * 1024;

/** Folds carriage returns out of a stream of raw output, chunk by chunk. */
export class CarriageReturnFolder {
  /** The raw current line (after its last `\r`), held until a newline ends it; may end in `\r`. */
  #pending = '';

  /** The text whose lines are final in `pending + chunk`; the current line is held back. */
  feed(chunk: string): string {
    const text = (this.#pending + chunk).replace(/\r+\n/g, '\n');
    const lastNewline = text.lastIndexOf('\n');
    let done = lastNewline < 0 ? '' : text.slice(0, lastNewline + 1);
    if (done.includes('\r')) done = done.split('\n').map(afterLastReturn).join('\n');
    // A `\r` at the end may be the first half of `\r\n`: keep it until the next chunk says.
    const rest = text.slice(lastNewline + 1);
    const trailing = rest.endsWith('\r') ? '\r' : '';
    const line = afterLastReturn(trailing === '' ? rest : rest.slice(0, -1));
    if (line.length > MAX_PENDING_CHARS) {
      this.#pending = trailing;
      return done + line;
    }
    this.#pending = line + trailing;
    return done;
  }

  /** The line still held at the end of the output. */
  end(): string {
    const rest = afterLastReturn(this.#pending.endsWith('\r') ? this.#pending.slice(0, -1) : this.#pending);
    this.#pending = '';
    return rest;
  }
}

function afterLastReturn(line: string): string {
  return line.slice(line.lastIndexOf('\r') + 1);
}
