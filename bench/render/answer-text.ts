// The text the bench's model streams: prose in lines of 40–70 characters, like a real answer.

const WORDS = (
  'the parser drops the last token when the input ends without a newline so the lexer ' +
  'must flush its buffer before it reports end of file and every caller that reads tokens ' +
  'in a loop then sees the final identifier as well as the closing brace of the block'
).split(' ');

/** About `tokens` tokens (4 characters each) of answer text, broken into short lines. */
export function answerText(tokens: number): string {
  const chars = tokens * 4;
  const lines: string[] = [];
  let length = 0;
  let word = 0;
  let lineNumber = 0;
  while (length < chars) {
    const target = 40 + ((lineNumber * 7) % 31);
    let line = '';
    while (line.length < target) {
      line += `${line === '' ? '' : ' '}${WORDS[word % WORDS.length] ?? ''}`;
      word += 1;
    }
    lines.push(line);
    length += line.length + 1;
    lineNumber += 1;
  }
  return lines.join('\n').slice(0, chars);
}
