// The matching half of grep, shared by the grep worker: which lines of one file's text match.
// It runs inside a worker thread so a catastrophic pattern can only stall that thread.

/** One matching line: its 1-based number and its text, cut to at most `maxChars + 1` characters. */
export type LineMatch = { readonly line: number; readonly text: string };

/**
 * The lines of `text` that `regex` matches, in order, at most `limit` of them. A trailing `\r`
 * is not part of a line. Texts are cut to `maxChars + 1` characters: enough for the caller to
 * tell that a line was longer than it shows, without copying megabytes across threads.
 */
export function matchingLines(text: string, regex: RegExp, limit: number, maxChars: number): LineMatch[] {
  const found: LineMatch[] = [];
  if (limit <= 0) return found;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!regex.test(line)) continue;
    found.push({ line: index + 1, text: line.length > maxChars + 1 ? line.slice(0, maxChars + 1) : line });
    if (found.length === limit) break;
  }
  return found;
}
