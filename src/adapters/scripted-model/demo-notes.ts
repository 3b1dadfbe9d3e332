// What a demo agent remarks about one tool result: the listing's shape, a file's length and
// its telling lines (quoted with their numbers), a grep's matches, or why a call failed.
// Remarks only quote or count what the result contains.
import type { ToolRecord } from './demo-conversation.js';
import { grepLines, listedPaths, numberedLines, stringInput, type Line } from './demo-findings.js';
import { baseName, clip, code, listing, plural } from './demo-text.js';

/** The kinds of lines a remark can point out; a role orders them by what it cares about. */
export type NoteId =
  | 'parseInt'
  | 'todo'
  | 'decimal-pattern'
  | 'skip'
  | 'throw'
  | 'rounding'
  | 'finite'
  | 'own-key'
  | 'tests'
  | 'export'
  | 're-export'
  | 'decimal-doc'
  | 'test-script'
  | 'order'
  | 'error-class'
  | 'import';

type Detector = {
  re: RegExp;
  say: (line: Line, match: RegExpExecArray) => string;
  /** What the line means, for thinking; undefined when the line says nothing more. */
  means?: (line: Line) => string | undefined;
  /** The files the detector applies to (all by default). */
  only?: RegExp;
};

const DETECTORS: Record<Exclude<NoteId, 'tests'>, Detector> = {
  parseInt: {
    re: /parseInt\(/,
    say: (l) => `line ${l.n} converts the amount with ${code(l.text)}, and parseInt stops at the ".", so "1.5" counts as 1`,
    means: () =>
      'Walking "1.5h" through it: the amount "1.5" reaches parseInt, which reads digits up to the "." and returns 1, so the part adds 1 × 3600 = 3600 seconds instead of 5400. That is exactly the symptom.',
  },
  todo: {
    re: /(?:TODO|FIXME)\W*(.*)$/,
    say: (l, m) => `line ${l.n} has a TODO: "${clip(m[1] ?? '', 70)}"`,
    means: (l) =>
      /unit/i.test(l.text)
        ? 'The TODO is about unknown units, a different problem from decimals; better kept separate so each change stays small.'
        : undefined,
  },
  'decimal-pattern': {
    re: /\\d\+\(\?:\\\.\\d\+\)\?/,
    say: (l) => `the pattern on line ${l.n} already allows a decimal part: ${code(l.text)}`,
    means: () => 'So the decimal part survives the match: "1.5h" yields amount "1.5" and unit "h". Whatever loses the fraction happens after the match.',
  },
  skip: {
    re: /\bcontinue;/,
    say: (l) => `line ${l.n} skips a part without any error: ${code(l.text)}`,
    means: (l) =>
      /isUnit/.test(l.text)
        ? 'A part with an unknown unit is skipped but still counts as matched, so the final check passes and the caller gets a total that silently ignores it.'
        : undefined,
  },
  throw: {
    re: /throw new (\w+)\((.*)\)/,
    say: (l, m) => `line ${l.n} throws ${m[1] ?? 'an error'}(${clip(m[2] ?? '', 44)})`,
    means: () => 'Each throw is an error a caller can see, so each deserves a test whose input reaches it.',
  },
  rounding: {
    re: /Math\.(round|floor|ceil)\(/,
    say: (l, m) => `line ${l.n} uses Math.${m[1] ?? 'round'}: ${code(l.text)}`,
    means: (l) =>
      /Math\.round\(/.test(l.text)
        ? 'Rounding happens before the number is split into units, so fractions of a second vanish up front: 59.6 becomes a whole minute.'
        : undefined,
  },
  finite: {
    re: /Number\.isFinite/,
    say: (l) => `line ${l.n} rejects non-finite and negative input: ${code(l.text)}`,
    means: () => 'The guard runs before any arithmetic, so NaN, Infinity and negatives never reach the loop; huge finite numbers still do.',
  },
  'own-key': {
    re: /Object\.hasOwn|hasOwnProperty/,
    say: (l) => `line ${l.n} checks units with an own-key lookup: ${code(l.text)}`,
    means: () => 'An own-key lookup means only letters in the table count as units; inherited names like "constructor" cannot sneak in.',
  },
  export: { re: /^export (?:async )?(?:function|class|const|type) (\w+)/, say: (l, m) => `line ${l.n} exports ${m[1] ?? '?'}` },
  're-export': { re: /^export \{(.+)\} from '(.+)'/, say: (l, m) => `line ${l.n} re-exports ${clip(m[1] ?? '', 40)} from ${m[2] ?? '?'}` },
  'decimal-doc': {
    re: /decimal/i,
    only: /\.md$/,
    say: (l) => `line ${l.n} promises decimals: "${clip(l.text, 80)}"`,
    means: () => 'So decimals are part of the documented contract, not an accident of the implementation; the code has to follow the docs.',
  },
  'test-script': { re: /"test":\s*"([^"]+)"/, say: (l, m) => `the test script (line ${l.n}) is ${code(m[1] ?? '')}` },
  order: {
    re: /const ORDER\b/,
    say: (l) => `line ${l.n} lists the unit order by hand: ${code(l.text)}`,
    means: () => 'Nothing forces that list to name every unit; a unit added to the table would be silently left out of the output.',
  },
  'error-class': {
    re: /class (\w+) extends Error \{\s*\}/,
    say: (l, m) => `line ${l.n} declares ${m[1] ?? 'the error'} with an empty body, so its \`name\` stays "Error"`,
    means: () => 'Without its own name the error prints as a plain Error in logs and stack traces, which makes it harder to tell apart.',
  },
  import: { re: /^import .* from '(.+)'/, say: (l, m) => `line ${l.n} imports from ${m[1] ?? '?'}`, only: /\.ts$/ },
};

/** The pattern of a note kind, so answers can look the same lines up in the findings. */
export function notePattern(id: Exclude<NoteId, 'tests'>): RegExp {
  return DETECTORS[id].re;
}

/** The test names of `it(...)` lines. */
export function testNames(lines: readonly Line[]): { line: Line; name: string }[] {
  return lines.flatMap((line) => {
    const match = /\bit\(\s*(['"`])(.+?)\1/.exec(line.text);
    return match === null ? [] : [{ line, name: match[2] ?? '' }];
  });
}

/** A pointed-out line: what it shows, and what that means when it means more. */
export type Note = { say: string; means: string | undefined };

/** Up to `max` notes on `lines`, in the order of `focus`. */
export function notesOn(lines: readonly Line[], focus: readonly NoteId[], max: number): Note[] {
  const notes: Note[] = [];
  for (const id of focus) {
    if (notes.length >= max) break;
    if (id === 'tests') {
      const names = testNames(lines);
      if (names.length === 0) continue;
      const means = `${plural(names.length, 'behaviour')} pinned in this file; the gaps will be in what these names never mention.`;
      notes.push({ say: `${plural(names.length, 'it() block')}: ${names.map((t) => `"${t.name}"`).join(', ')}`, means });
      continue;
    }
    const detector = DETECTORS[id];
    for (const line of lines) {
      if (detector.only !== undefined && !detector.only.test(line.file)) continue;
      const match = detector.re.exec(line.text);
      if (match === null) continue;
      notes.push({ say: detector.say(line, match), means: detector.means?.(line) });
      break;
    }
  }
  return notes;
}

/** A short remark (for the pane) and a fuller one (for thinking) on one tool result. */
export type Remark = {
  /** For the pane: what the result showed, quoted. */
  short: string;
  /** For thinking, first: what it means, in one sentence. */
  gist: string;
  /** For thinking, after the gist: the rest of what it showed and means. */
  detail: string;
};

/** What the result of `record` showed, in the agent's words. */
export function remarkOn(record: ToolRecord, focus: readonly NoteId[]): Remark {
  const path = stringInput(record, 'path');
  if (!record.ok) {
    const what = path === undefined ? record.name : `${record.name} on ${path}`;
    const why = record.content === '' ? 'no result came back' : clip(record.content, 110);
    const short = /does not exist/.test(record.content) && path !== undefined ? `${path} doesn't exist here (${why}).` : `${what} failed: ${why}.`;
    return { short, gist: 'That call failed; what I assumed about this workspace does not hold.', detail: `${short} I can't use anything from that call.` };
  }
  if (record.name === 'list_files') return remarkOnListing(listedPaths(record.content), record.content);
  if (record.name === 'read_file' && path !== undefined) return remarkOnRead(path, numberedLines(path, record.content), record.content, focus);
  if (record.name === 'grep') return remarkOnGrep(stringInput(record, 'pattern') ?? '', grepLines(record.content), record.content);
  const short = `${record.name} returned ${plural(record.content.split('\n').length, 'line')}.`;
  return { short, gist: short, detail: clip(record.content, 200) };
}

function remarkOnListing(files: readonly string[], content: string): Remark {
  if (files.length === 0) {
    const short = `The listing came back empty (${clip(content, 80)}).`;
    return { short, gist: 'Nothing there at all.', detail: short };
  }
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const slash = file.indexOf('/');
    const dir = slash === -1 ? '' : file.slice(0, slash + 1);
    groups.set(dir, [...(groups.get(dir) ?? []), slash === -1 ? file : file.slice(slash + 1)]);
  }
  const parts = [...groups.entries()].map(([dir, names]) => (dir === '' ? `${listing(names)} at the top` : `${dir} holds ${listing(names)}`));
  const short = `${plural(files.length, 'file')}: ${parts.join('; ')}.`;
  const sources = files.filter((file) => file.endsWith('.ts') && !/\.test\.ts$/.test(file));
  const tests = new Set(files.filter((file) => /\.test\.ts$/.test(file)).map((file) => baseName(file).replace(/\.test\.ts$/, '')));
  const untested = sources.filter((file) => !tests.has(baseName(file).replace(/\.ts$/, ''))).map(baseName);
  const pairing =
    tests.size === 0
      ? 'No test files in this listing.'
      : untested.length === 0
        ? 'Every source file has a test file with the same name.'
        : `${listing(untested)} ${untested.length === 1 ? 'has' : 'have'} no test file of the same name.`;
  return { short, gist: `${files.length <= 30 ? 'A small project' : 'A sizeable tree'}. ${pairing}`, detail: short };
}

function remarkOnRead(path: string, lines: readonly Line[], content: string, focus: readonly NoteId[]): Remark {
  if (lines.length === 0) {
    const short = `${path}: ${clip(content, 80)}.`;
    return { short, gist: short, detail: '' };
  }
  const first = lines[0]?.n ?? 1;
  const last = lines[lines.length - 1]?.n ?? first;
  const partial = first !== 1 || /\[more lines follow|\[output capped/.test(content);
  const size = partial ? `lines ${first}–${last} of ${path}` : `${path} (${plural(last, 'line')})`;
  const notes = notesOn(lines, focus, 4);
  if (notes.length === 0) {
    const text = `I've read ${size}; nothing in it bears on this directly.`;
    return { short: text, gist: `Nothing in ${path} that matters here.`, detail: `It opens with ${code(lines[0]?.text ?? '')}.` };
  }
  const lead = partial ? capitalise(size) : size;
  const meaningful = notes.find((note) => note.means !== undefined);
  return {
    short: `${lead}: ${notes.slice(0, 2).map((note) => note.say).join('; ')}.`,
    gist: meaningful?.means ?? `${capitalise(notes[0]?.say ?? size)}.`,
    detail: `${lead}. ${notes.map((note) => `${capitalise(note.say)}.${note.means === undefined || note === meaningful ? '' : ` ${note.means}`}`).join(' ')}`,
  };
}

function remarkOnGrep(pattern: string, hits: readonly Line[], content: string): Remark {
  if (hits.length === 0) {
    const text = /^no matches/.test(content) ? `${capitalise(clip(content.split('\n')[0] ?? '', 90))}.` : `No matches for /${pattern}/ (${clip(content, 70)}).`;
    return { short: text, gist: `Nothing matches /${pattern}/, so that question is settled.`, detail: text };
  }
  const perFile = new Map<string, number>();
  for (const hit of hits) perFile.set(hit.file, (perFile.get(hit.file) ?? 0) + 1);
  const shown = hits.slice(0, 3).map((hit) => `${hit.file}:${hit.n} ${code(hit.text, 60)}`);
  const more = hits.length > 3 ? ` and ${hits.length - 3} more` : '';
  const files = [...perFile.entries()].map(([file, count]) => `${file} (${count})`);
  const [top] = [...perFile.entries()].sort((a, b) => b[1] - a[1]);
  const only = hits[0];
  const gist =
    hits.length === 1 && only !== undefined
      ? `Just one place: ${only.file}:${only.n}.`
      : `${plural(hits.length, 'hit')} in ${plural(perFile.size, 'file')}${top === undefined || perFile.size === 1 || top[1] * 2 <= hits.length ? '' : `, most of them in ${top[0]}`}.`;
  return {
    gist,
    short: `/${pattern}/ matches ${plural(hits.length, 'line')} in ${plural(perFile.size, 'file')}: ${shown.join(', ')}${more}.`,
    detail: `/${pattern}/ matches ${plural(hits.length, 'line')}: ${listing(files)}. ${hits
      .slice(0, 6)
      .map((hit) => `${hit.file}:${hit.n} is ${code(hit.text, 70)}`)
      .join('; ')}.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
