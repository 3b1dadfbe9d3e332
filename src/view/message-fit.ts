// A result message too long for its row. A question (the quit question, `X`'s "Stop run…?") is cut
// in the middle, never at its end: the key that answers it and "any other key cancels" stay on
// screen (at 80 columns the quit question lost "Quit? y…" behind the list of working agents).
import { fitCells, stringCells } from './char-width.js';

const GAP = '… ';

/** `text` in `cells` cells: whole when it fits; a question keeps its tail; anything else ends in `…`. */
export function fitMessage(text: string, cells: number): string {
  if (stringCells(text) <= cells) return text;
  for (const start of tailStarts(text)) {
    const tail = text.slice(start).trimStart();
    const room = cells - stringCells(tail) - stringCells(GAP);
    if (room < 0) continue;
    const head = fitCells(text.slice(0, start).trimEnd(), room).text;
    return `${head}${GAP}${tail}`;
  }
  return `${fitCells(text, Math.max(0, cells - 1)).text}…`;
}

/** True when the text asks something, so its tail holds the answer keys. */
export function isQuestion(text: string): boolean {
  return text.includes('?');
}

// Where the kept tail may start, longest first: the sentence holding the last `?`, just after it,
// then the answer keys alone (`y: LINE / any other key cancels`).
function tailStarts(text: string): number[] {
  const mark = text.lastIndexOf('?');
  if (mark < 0) return [];
  const before = text.slice(0, mark);
  const sentence = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1;
  const keys = text.lastIndexOf(' y');
  return keys > mark ? [sentence, mark + 1, keys] : [sentence, mark + 1];
}
