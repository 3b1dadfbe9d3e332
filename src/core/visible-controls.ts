// Tool inputs are shown as they will run (issue 9, item 1): where model text drops escape
// sequences (sanitize.ts), a tool input keeps every character and draws each control as a
// visible stand-in, so an approval line can never hide part of a command.
import { isInvisibleFormat } from './sanitize.js';

/** Control pictures U+2400…U+241F stand for C0 controls; U+2421 for DEL. */
const CONTROL_PICTURES = 0x2400;
const DELETE_PICTURE = '\u2421';

/** Bidi embeddings, overrides, isolates and marks, which reorder what the eye reads: the set sanitize removes. */
const isBidiControl = isInvisibleFormat;

/** Invisible characters that would let two different commands look the same. */
function isInvisible(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x00ad ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** What one code point looks like on screen: itself, a control picture, or `<U+XXXX>`. */
function visibleCodePoint(char: string, code: number): string {
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  if (code === 0x7f) return DELETE_PICTURE;
  if ((code >= 0x80 && code <= 0x9f) || isBidiControl(code) || isInvisible(code)) return `<U+${hex(code)}>`;
  if (code >= 0xd800 && code <= 0xdfff) return `<U+${hex(code)}>`; // a lone surrogate half
  return char;
}

/**
 * Every character of `text`, controls drawn visibly and nothing dropped: `ESC ] 0 ;` reads
 * `␛]0;`, a newline `␊`, a tab `␉`, C1 and bidi controls `<U+009B>`, `<U+202E>`. The result
 * holds no control character at all, so it can go to the terminal as it is.
 */
export function visibleControls(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += visibleCodePoint(char, code);
  }
  return out;
}

/**
 * Text for a line-based stream (headless stderr): every line through `visibleControls`, the
 * line breaks between them kept, so a script's or model's escape sequence reads `␛]0;…` in a
 * log instead of acting on the terminal that shows it.
 */
export function visibleLines(text: string): string {
  return text.split('\n').map(visibleControls).join('\n');
}

/**
 * Whether a command holds characters that change what it shows or does without being seen:
 * C0 controls other than newline and tab, DEL, C1 controls, bidi controls and invisible ones.
 */
export function hasHiddenControls(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x09) continue;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) return true;
    if (isBidiControl(code) || isInvisible(code)) return true;
  }
  return false;
}

/** The warning an approval line carries for a command with hidden controls. */
export const HIDDEN_CONTROLS_WARNING = '⚠ holds control characters (shown as ␛ ␇ <U+…>)';

/** Whether any string anywhere in a tool input (nested too) has hidden controls. */
export function inputHasHiddenControls(value: unknown): boolean {
  if (typeof value === 'string') return hasHiddenControls(value);
  if (Array.isArray(value)) return value.some(inputHasHiddenControls);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, inner]) => hasHiddenControls(key) || inputHasHiddenControls(inner));
  }
  return false;
}
