// A JSON syntax error's place as a person finds it in an editor (B18: "at position 62" in a
// hand-written layout file): V8's "position N" read as line and column of the text.

/** `message` with V8's "position N" followed by where that is in `text`: "(line L, column C)". */
export function withLineAndColumn(message: string, text: string): string {
  return message.replace(/\bposition (\d+)/, (whole, digits: string) => {
    const offset = Math.min(Number(digits), text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `${whole} (line ${line}, column ${column})`;
  });
}
