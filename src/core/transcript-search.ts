// `/` search over a pane's transcript: looks through each block's display text (already
// sanitized plain text, never re-rendered rows), then maps a match to the row that shows it.
// Direction "older" walks from the newest text upwards, like less's `?`.

/** What search needs of a transcript (core/transcript.ts `Transcript` has it). */
export interface SearchableTranscript {
  readonly blockCount: number;
  blockAt(block: number): { readonly text: string } | undefined;
  rowOfOffset(width: number, block: number, offset: number): number;
}

/** A place in a transcript's text: block index and offset in its text (independent of width). */
export type TextPosition = { readonly block: number; readonly offset: number };

/** One match: where it starts, how long it is, and the row that shows its start at the width asked. */
export type SearchMatch = TextPosition & { readonly length: number; readonly row: number; readonly wrapped: boolean };

export type SearchDirection = 'older' | 'newer';

/** A literal query as a pattern: case-insensitive unless the query has a capital letter (smart case). */
export function searchPattern(query: string): RegExp | undefined {
  if (query === '') return undefined;
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped, query === query.toLowerCase() ? 'gi' : 'g');
}

/**
 * The match nearest to `from` in `direction` (strictly before it for "older", after it for
 * "newer"); when there is none that way, the search wraps around to the other end once.
 */
export function findMatch(
  transcript: SearchableTranscript,
  pattern: RegExp,
  width: number,
  from: TextPosition,
  direction: SearchDirection,
): SearchMatch | undefined {
  const found = direction === 'older' ? findOlder(transcript, pattern, from) : findNewer(transcript, pattern, from);
  let wrapped = false;
  let match = found;
  if (match === undefined) {
    wrapped = true;
    const end: TextPosition = { block: transcript.blockCount, offset: 0 };
    const start: TextPosition = { block: -1, offset: 0 };
    match = direction === 'older' ? findOlder(transcript, pattern, end) : findNewer(transcript, pattern, start);
  }
  if (match === undefined) return undefined;
  return { ...match, wrapped, row: transcript.rowOfOffset(width, match.block, match.offset) };
}

/** Every match in `text` as [offset, length] pairs (for highlighting the rows on screen). */
export function matchesIn(text: string, pattern: RegExp): [number, number][] {
  const out: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    if (found[0] === '') {
      pattern.lastIndex += 1;
      continue;
    }
    out.push([found.index, found[0].length]);
  }
  return out;
}

/** Where a match stands among all of them: `index` counts from the top (1-based); past `cap` matches counting stops. */
export type MatchCount = { readonly index: number | undefined; readonly total: number; readonly capped: boolean };

/** Counts matches from the top up to `cap` (so a huge transcript costs a bounded scan), noting which one is at `at`. */
export function countMatches(transcript: SearchableTranscript, pattern: RegExp, at: TextPosition, cap: number): MatchCount {
  let total = 0;
  let index: number | undefined;
  for (let block = 0; block < transcript.blockCount; block++) {
    const text = transcript.blockAt(block)?.text ?? '';
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
      if (found[0] === '') break;
      if (total === cap) return { index, total, capped: true };
      total += 1;
      if (block === at.block && found.index === at.offset) index = total;
    }
  }
  return { index, total, capped: false };
}

/** "match 3 of 9", "match 3 of 500+", "match 500+ of 500+" for the status line. */
export function describeMatchCount(count: MatchCount): string {
  const total = `${count.total}${count.capped ? '+' : ''}`;
  const index = count.index ?? (count.capped ? `${count.total}+` : '?');
  return `match ${index} of ${total}`;
}

type Found = TextPosition & { readonly length: number };

function findOlder(transcript: SearchableTranscript, pattern: RegExp, from: TextPosition): Found | undefined {
  for (let block = Math.min(from.block, transcript.blockCount - 1); block >= 0; block--) {
    const text = transcript.blockAt(block)?.text ?? '';
    const limit = block === from.block ? from.offset : Number.POSITIVE_INFINITY;
    let last: Found | undefined;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found !== null && found.index < limit; found = pattern.exec(text)) {
      if (found[0] === '') break;
      last = { block, offset: found.index, length: found[0].length };
    }
    if (last !== undefined) return last;
  }
  return undefined;
}

function findNewer(transcript: SearchableTranscript, pattern: RegExp, from: TextPosition): Found | undefined {
  for (let block = Math.max(0, from.block); block < transcript.blockCount; block++) {
    const text = transcript.blockAt(block)?.text ?? '';
    pattern.lastIndex = block === from.block ? from.offset + 1 : 0;
    const found = pattern.exec(text);
    if (found !== null && found[0] !== '') return { block, offset: found.index, length: found[0].length };
  }
  return undefined;
}
