// Words of a hosted command (`new NAME -- COMMAND ARGS…`), quoted as a POSIX shell quotes them so
// an argument can hold spaces: 'single quotes' keep everything, "double quotes" keep everything
// but \" \\ \$ \` (backslash escapes), a backslash outside quotes keeps the next character.
// Nothing is expanded ($, globs, ; and | are plain characters): the words go to the program as
// they are, with no shell in between. Only this part of a command line is quoted (DESIGN.md §5).
import { err, ok, type Result } from './result.js';

const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

/** Splits `text` into words, removing quotes; an unclosed quote or a trailing backslash is an error. */
export function splitCommandWords(text: string): Result<string[]> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      index += 1;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const close = text.indexOf("'", index + 1);
      if (close < 0) return err(`unclosed ' in the command (from column ${index + 1})`);
      word += text.slice(index + 1, close);
      index = close + 1;
      continue;
    }
    if (char === '"') {
      const read = readDoubleQuoted(text, index);
      if (!read.ok) return read;
      word += read.value.text;
      index = read.value.end;
      continue;
    }
    if (char === '\\') {
      if (index + 1 >= text.length) return err('the command ends with a lone \\');
      word += text.charAt(index + 1);
      index += 2;
      continue;
    }
    word += char;
    index += 1;
  }
  if (inWord) words.push(word);
  return ok(words);
}

function readDoubleQuoted(text: string, open: number): Result<{ text: string; end: number }> {
  let out = '';
  let index = open + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '"') return ok({ text: out, end: index + 1 });
    const next = text.charAt(index + 1);
    if (char === '\\' && DOUBLE_QUOTE_ESCAPES.has(next)) {
      out += next;
      index += 2;
      continue;
    }
    out += char;
    index += 1;
  }
  return err(`unclosed " in the command (from column ${open + 1})`);
}
