// Bracketed paste (B2): with `ESC [ ? 2004 h` on, the terminal wraps pasted text in
// `ESC [ 200 ~` … `ESC [ 201 ~`. The splitter below cuts a stream of input chunks into typed
// parts (read as keys) and pasted text (never read as keys), across chunk boundaries: a long
// paste arrives in many reads, and a marker can be split between two of them.

const START = '\x1b[200~';
const END = '\x1b[201~';

/** Turns bracketed paste on (written at start) and off (written at exit). */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/** One piece of an input chunk, in order: keys typed, or a whole paste once its end marker came. */
export type InputPart = { readonly kind: 'typed'; readonly text: string } | { readonly kind: 'paste'; readonly text: string };

/** What one chunk held: its parts, and whether any of it belonged to a paste (its keys must then not act). */
export type SplitChunk = { readonly parts: readonly InputPart[]; readonly touchedPaste: boolean };

/** The longest tail of `text` that is a proper prefix of `marker` (a marker cut by the read). */
function partialMarkerAtEnd(text: string, marker: string): number {
  for (let length = Math.min(marker.length - 1, text.length); length > 0; length--) {
    if (marker.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/** Splits input chunks into typed text and pastes; keeps a paste open across chunks. */
export class PasteSplitter {
  /** The paste read so far, while between the markers. */
  private pasted: string | undefined;
  /** The start of a marker cut off at the end of the last chunk. */
  private carry = '';

  /** True while a paste has started and not yet ended. */
  get inPaste(): boolean {
    return this.pasted !== undefined;
  }

  /** Splits one chunk (its text already decoded). */
  split(chunk: string): SplitChunk {
    let text = this.carry + chunk;
    this.carry = '';
    const parts: InputPart[] = [];
    let touchedPaste = this.pasted !== undefined;
    while (text !== '') {
      if (this.pasted === undefined) {
        const start = text.indexOf(START);
        if (start < 0) {
          // Only a cut that is surely a marker (`ESC [ 2`…) waits for the next read: a lone Esc must act now.
          const tail = partialMarkerAtEnd(text, START);
          const cut = tail >= 3 ? tail : 0;
          if (cut > 0) {
            this.carry = text.slice(text.length - cut);
            touchedPaste = true;
          }
          const typed = text.slice(0, text.length - cut);
          if (typed !== '') parts.push({ kind: 'typed', text: typed });
          break;
        }
        if (start > 0) parts.push({ kind: 'typed', text: text.slice(0, start) });
        this.pasted = '';
        touchedPaste = true;
        text = text.slice(start + START.length);
        continue;
      }
      const end = text.indexOf(END);
      if (end < 0) {
        const cut = partialMarkerAtEnd(text, END);
        this.pasted += text.slice(0, text.length - cut);
        this.carry = text.slice(text.length - cut);
        break;
      }
      parts.push({ kind: 'paste', text: this.pasted + text.slice(0, end) });
      this.pasted = undefined;
      text = text.slice(end + END.length);
    }
    return { parts, touchedPaste };
  }
}

/** Pasted text as the terminal sent it, made plain: CR LF and lone CR become LF. */
export function normalizePaste(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
