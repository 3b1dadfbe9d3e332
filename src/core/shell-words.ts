// Splits a bash command line into the words bash would pass to the program — but only for a
// simple command whose words are fixed by the text itself. Anything bash would expand or chain
// at run time (`;`, `&&`, `|`, redirections, `$…`, backticks, globs, braces, newlines) makes
// it "not simple": such a command can never be widened by an "always" rule (issue 9, item 2).
import { hasHiddenControls } from './visible-controls.js';

/** The words of a simple command, unquoted, or why the command is not one. */
export type ShellWords =
  | { readonly kind: 'simple'; readonly words: readonly string[] }
  | { readonly kind: 'complex'; readonly reason: string };

/** Unquoted characters that chain, redirect, substitute, group or expand. */
const UNQUOTED_SPECIAL: ReadonlyMap<string, string> = new Map([
  [';', 'chains commands (;)'],
  ['&', 'chains or backgrounds commands (&)'],
  ['|', 'pipes (|)'],
  ['<', 'redirects (<)'],
  ['>', 'redirects (>)'],
  ['(', 'starts a subshell ((…))'],
  [')', 'ends a subshell ((…))'],
  ['`', 'substitutes a command (`…`)'],
  ['$', 'expands a variable or command ($…)'],
  ['*', 'expands file names (*)'],
  ['?', 'expands file names (?)'],
  ['[', 'expands file names ([…])'],
  ['{', 'expands braces ({…})'],
  ['}', 'expands braces ({…})'],
  ['\n', 'has a line break'],
  ['\r', 'has a line break'],
]);

const BLANK = /[ \t]/u;

function complex(reason: string): ShellWords {
  return { kind: 'complex', reason };
}

/**
 * The words of `command` as bash would split and unquote them ('…' literal, "…" with `\"`,
 * `\\`, `\$` and `` \` `` escapes, `\x` outside quotes), or `complex` when bash would do more than
 * that: any of `UNQUOTED_SPECIAL` outside quotes, `$` or a backtick inside double quotes, a
 * word starting with `#` or `~`, a control character, or an unterminated quote.
 */
export function shellWords(command: string): ShellWords {
  if (hasHiddenControls(command)) return complex('holds control characters');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < command.length) {
    const char = command[i] ?? '';
    const code = char.charCodeAt(0);
    if (BLANK.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
      continue;
    }
    const special = UNQUOTED_SPECIAL.get(char);
    if (special !== undefined) return complex(special);
    if (code < 0x20 || code === 0x7f) return complex('holds a control character');
    if (!inWord && (char === '#' || char === '~')) return complex(char === '#' ? 'has a comment (#)' : 'expands ~');
    inWord = true;
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) return complex('has an unterminated quote');
      word += command.slice(i + 1, end);
      i = end + 1;
    } else if (char === '"') {
      const read = readDoubleQuoted(command, i + 1);
      if (read.kind === 'complex') return read;
      word += read.text;
      i = read.next;
    } else if (char === '\\') {
      const next = command[i + 1];
      if (next === undefined) return complex('ends with a backslash');
      if (next === '\n') return complex('has a line break');
      word += next;
      i += 2;
    } else {
      word += char;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) return complex('is empty');
  return { kind: 'simple', words };
}

type DoubleQuoted = { readonly kind: 'text'; readonly text: string; readonly next: number } | { readonly kind: 'complex'; readonly reason: string };

function readDoubleQuoted(command: string, start: number): DoubleQuoted {
  let text = '';
  let i = start;
  while (i < command.length) {
    const char = command[i] ?? '';
    if (char === '"') return { kind: 'text', text, next: i + 1 };
    if (char === '$' || char === '`') return { kind: 'complex', reason: 'expands inside double quotes ($ or `)' };
    if (char === '\\') {
      const next = command[i + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        i += 2;
        continue;
      }
      if (next === '\n') return { kind: 'complex', reason: 'has a line break' };
    }
    text += char;
    i += 1;
  }
  return { kind: 'complex', reason: 'has an unterminated quote' };
}
