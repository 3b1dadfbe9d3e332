// Model and tool text is untrusted (DESIGN.md §7): before a pane draws it, every escape and
// control sequence goes, except SGR colours, which become data on the runs (never a pair that
// hides the text: core/legible-colours).
import type { TextColours } from './transcript-view.js';
import { legibleColours } from './legible-colours.js';
import { stringWidth } from './text-width.js';

/** Printable text (only `\n` as a control) in the colours the source asked for. */
export type SanitizedRun = { readonly text: string; readonly colours?: TextColours };

const TAB_STOP = 4;
/** Longest SGR parameter string kept; longer CSI sequences are dropped whole. */
const MAX_PARAMS = 64;

type Mode =
  | 'ground'
  | 'escape' // after ESC
  | 'escape-intermediate' // ESC followed by 0x20–0x2F, waiting for the final byte
  | 'csi'
  | 'string' // OSC, DCS, SOS, PM, APC body: dropped until its terminator
  | 'string-escape'; // ESC inside a string: `\` ends it

/** Code points removed outright: bidi embeddings, overrides, isolates and marks that spoof display (shown visibly in approvals). */
export function isInvisibleFormat(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Sanitizes a stream of text chunk by chunk: colours, and a sequence cut between two chunks,
 * carry over, so a streamed answer reads the same as the whole text given at once.
 */
export class Sanitizer {
  #mode: Mode = 'ground';
  #params = '';
  #paramsValid = true;
  #colours: TextColours = {};
  /** Cells on the current line before `#sinceNewline` (widths are summed only when a tab needs them). */
  #column = 0;
  #sinceNewline: string[] = [];
  #runs: SanitizedRun[] = [];
  #pending = '';

  /** Sanitizes the next chunk; returns the printable runs it yields. */
  feed(chunk: string): SanitizedRun[] {
    this.#runs = [];
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      if (this.#mode === 'ground') {
        let end = i; // a stretch of ordinary printable text passes through in one slice
        while (end < length && isPlain(chunk.charCodeAt(end))) end += 1;
        if (end > i) {
          this.#text(chunk.slice(i, end));
          i = end;
          if (i >= length) break;
        }
      }
      i = this.#step(chunk, i, chunk.charCodeAt(i)) + 1;
    }
    this.#flush();
    return this.#runs;
  }

  /** Handles one code unit outside plain text; returns the index of the last unit consumed. */
  #step(chunk: string, i: number, code: number): number {
    switch (this.#mode) {
      case 'ground':
        return this.#ground(chunk, i, code);
      case 'escape':
        return this.#escape(i, code);
      case 'escape-intermediate':
        if (code >= 0x20 && code <= 0x2f) return i;
        if (code >= 0x30 && code <= 0x7e) {
          this.#mode = 'ground';
          return i;
        }
        this.#mode = 'ground';
        return i - 1; // malformed: drop the sequence, read this unit as text
      case 'csi':
        return this.#csi(i, code);
      case 'string':
        if (code === 0x07 || code === 0x9c) this.#mode = 'ground';
        else if (code === 0x1b) this.#mode = 'string-escape';
        else if (code === 0x0a) {
          this.#mode = 'ground'; // never let an unterminated string hide the following lines
          return i - 1;
        }
        return i;
      case 'string-escape':
        if (code === 0x5c) {
          this.#mode = 'ground';
          return i;
        }
        this.#mode = 'escape'; // ESC ends the string and starts a new sequence
        return i - 1;
    }
  }

  #ground(chunk: string, i: number, code: number): number {
    if (code === 0x1b) this.#mode = 'escape';
    else if (code === 0x9b) this.#startCsi();
    else if (code === 0x9d || code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) {
      this.#mode = 'string';
    } else if (code === 0x0a) {
      this.#text('\n');
    } else if (code === 0x09) {
      this.#text(' '.repeat(TAB_STOP - (this.#currentColumn() % TAB_STOP)));
    } else if (code === 0x2028 || code === 0x2029) {
      this.#text('\n');
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const low = chunk.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.#text(chunk.slice(i, i + 2));
        return i + 1;
      }
      this.#text('\ufffd');
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      this.#text('\ufffd');
    } else if (code >= 0xa0 && !isInvisibleFormat(code)) {
      this.#text(chunk[i] ?? '');
    }
    // Everything else (C0 and C1 controls, DEL, bidi controls) is dropped.
    return i;
  }

  #escape(i: number, code: number): number {
    if (code === 0x5b) {
      this.#startCsi();
    } else if (code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f) {
      this.#mode = 'string'; // OSC, DCS, SOS, PM, APC
    } else if (code >= 0x20 && code <= 0x2f) {
      this.#mode = 'escape-intermediate';
    } else if (code >= 0x30 && code <= 0x7e) {
      this.#mode = 'ground'; // a two-unit escape (ESC c, ESC 7, ESC M…): dropped
    } else {
      this.#mode = 'ground'; // a lone ESC: dropped; this unit is read as text
      return i - 1;
    }
    return i;
  }

  #startCsi(): void {
    this.#mode = 'csi';
    this.#params = '';
    this.#paramsValid = true;
  }

  #csi(i: number, code: number): number {
    if (code >= 0x30 && code <= 0x3f) {
      const isSgrParam = (code >= 0x30 && code <= 0x3b) || code === 0x3a;
      if (!isSgrParam || this.#params.length >= MAX_PARAMS) this.#paramsValid = false;
      else this.#params += String.fromCharCode(code);
      return i;
    }
    if (code >= 0x20 && code <= 0x2f) {
      this.#paramsValid = false; // intermediates: never an SGR we keep
      return i;
    }
    this.#mode = 'ground';
    if (code >= 0x40 && code <= 0x7e) {
      if (code === 0x6d && this.#paramsValid) this.#applySgr(this.#params);
      return i;
    }
    return i - 1; // malformed: drop it, read this unit as text
  }

  #applySgr(params: string): void {
    const fields = params.split(/[;:]/);
    let colours: MutableColours = { ...this.#colours };
    for (let f = 0; f < fields.length; f++) {
      const value = fields[f] === '' ? 0 : Number(fields[f]);
      if (value === 0) colours = {};
      else if (value === 1) colours.bold = true;
      else if (value === 22) delete colours.bold;
      else if (value === 4) colours.underline = true;
      else if (value === 24) delete colours.underline;
      else if (value >= 30 && value <= 37) colours.fg = value - 30;
      else if (value >= 90 && value <= 97) colours.fg = value - 90 + 8;
      else if (value === 39) delete colours.fg;
      else if (value >= 40 && value <= 47) colours.bg = value - 40;
      else if (value >= 100 && value <= 107) colours.bg = value - 100 + 8;
      else if (value === 49) delete colours.bg;
      else if (value === 38 || value === 48) {
        const extended = readExtendedColour(fields, f + 1, params.includes(':'));
        f = extended.last;
        if (extended.index !== undefined) {
          if (value === 38) colours.fg = extended.index;
          else colours.bg = extended.index;
        }
      }
    }
    this.#setColours(colours);
  }

  #setColours(next: MutableColours): void {
    if (sameColours(next, this.#colours)) return;
    this.#flush();
    this.#colours = next;
  }

  #text(text: string): void {
    this.#pending += text;
    const newline = text.lastIndexOf('\n');
    if (newline < 0) {
      this.#sinceNewline.push(text);
    } else {
      this.#column = 0;
      this.#sinceNewline = [text.slice(newline + 1)];
    }
  }

  #currentColumn(): number {
    for (const piece of this.#sinceNewline) this.#column += stringWidth(piece);
    this.#sinceNewline = [];
    return this.#column;
  }

  #flush(): void {
    if (this.#pending === '') return;
    const text = this.#pending;
    this.#pending = '';
    const colours = legibleColours(this.#colours); // fg = bg would hide text from the reader
    const last = this.#runs[this.#runs.length - 1];
    if (last && sameColours(last.colours ?? {}, colours)) {
      this.#runs[this.#runs.length - 1] = withColours(last.text + text, colours);
    } else {
      this.#runs.push(withColours(text, colours));
    }
  }
}

type MutableColours = { fg?: number; bg?: number; bold?: boolean; underline?: boolean };

/** Sanitizes a whole text at once (see `Sanitizer`). */
export function sanitize(text: string): SanitizedRun[] {
  return new Sanitizer().feed(text);
}

/** Sanitized text without its colours, for one-line summaries. */
export function sanitizePlain(text: string): string {
  return sanitize(text)
    .map((run) => run.text)
    .join('');
}

/** Code units that pass through as they are (surrogates are checked for pairing elsewhere). */
function isPlain(code: number): boolean {
  if (code >= 0x20 && code < 0x7f) return true;
  if (code < 0xa0 || (code >= 0xd800 && code <= 0xdfff)) return false;
  return !isInvisibleFormat(code) && code !== 0x2028 && code !== 0x2029;
}

function withColours(text: string, colours: TextColours): SanitizedRun {
  return isDefault(colours) ? { text } : { text, colours };
}

function isDefault(colours: TextColours): boolean {
  return (
    colours.fg === undefined &&
    colours.bg === undefined &&
    colours.bold === undefined &&
    colours.underline === undefined
  );
}

function sameColours(a: TextColours, b: TextColours): boolean {
  return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.underline === b.underline;
}

/**
 * Reads `5;N` or `2;R;G;B` after a 38/48 (colon form `2:CS:R:G:B` too); truecolour maps to the
 * nearest index of the 256-colour palette. `last` is the last field consumed.
 */
function readExtendedColour(
  fields: readonly string[],
  at: number,
  colonForm: boolean,
): { index: number | undefined; last: number } {
  const mode = Number(fields[at]);
  if (mode === 5) {
    const index = Number(fields[at + 1]);
    const valid = Number.isInteger(index) && index >= 0 && index <= 255;
    return { index: valid ? index : undefined, last: at + 1 };
  }
  if (mode === 2) {
    // `38:2:CS:R:G:B` carries a colour-space id before the channels; `38;2;R;G;B` does not.
    const start = colonForm && fields.length - at >= 5 ? at + 2 : at + 1;
    const channels = [fields[start], fields[start + 1], fields[start + 2]].map((field) =>
      field === undefined || field === '' ? 0 : Number(field),
    );
    const [r = 0, g = 0, b = 0] = channels;
    const valid = channels.every((c) => Number.isInteger(c) && c >= 0 && c <= 255);
    return { index: valid ? nearest256(r, g, b) : undefined, last: start + 2 };
  }
  return { index: undefined, last: at };
}

const cubeLevels = [0, 95, 135, 175, 215, 255];

/** The xterm 256-colour index nearest to an RGB colour (6×6×6 cube or grey ramp). */
export function nearest256(r: number, g: number, b: number): number {
  const cube = [r, g, b].map(nearestCubeLevel);
  const [cr = 0, cg = 0, cb = 0] = cube;
  const cubeIndex = 16 + 36 * cr + 6 * cg + cb;
  const cubeDistance = distance(r, g, b, cubeLevels[cr] ?? 0, cubeLevels[cg] ?? 0, cubeLevels[cb] ?? 0);
  const grey = Math.min(23, Math.max(0, Math.round(((r + g + b) / 3 - 8) / 10)));
  const greyLevel = 8 + 10 * grey;
  const greyDistance = distance(r, g, b, greyLevel, greyLevel, greyLevel);
  return greyDistance < cubeDistance ? 232 + grey : cubeIndex;
}

function nearestCubeLevel(value: number): number {
  let best = 0;
  for (let i = 1; i < cubeLevels.length; i++) {
    if (Math.abs((cubeLevels[i] ?? 0) - value) < Math.abs((cubeLevels[best] ?? 0) - value)) best = i;
  }
  return best;
}

function distance(r1: number, g1: number, b1: number, r2: number, g2: number, b2: number): number {
  return (r1 - r2) ** 2 + (g1 - g2) ** 2 + (b1 - b2) ** 2;
}
