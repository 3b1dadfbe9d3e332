// What the demo agent has actually seen: the files its listings returned, the numbered lines
// its reads returned and the lines its greps matched. Everything the demo says about the
// project is looked up here, so it never claims more than the tool results showed.
import type { ToolRecord } from './demo-conversation.js';

/** One line of a file as a tool result showed it. */
export type Line = { readonly file: string; readonly n: number; readonly text: string };

/** A file read in full (from line 1 to its end). */
export type WholeFile = { readonly file: string; readonly lines: readonly Line[] };

/** The paths in a list_files result (without its notes). */
export function listedPaths(content: string): string[] {
  if (/^no files\b/.test(content)) return [];
  return content.split('\n').filter((line) => line !== '' && !line.startsWith('['));
}

/** The numbered lines of a read_file result. */
export function numberedLines(file: string, content: string): Line[] {
  return content.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\t(.*)$/.exec(line);
    return match === null ? [] : [{ file, n: Number(match[1]), text: match[2] ?? '' }];
  });
}

/** The `path:line: text` matches of a grep result. */
export function grepLines(content: string): Line[] {
  return content.split('\n').flatMap((line) => {
    const match = /^(.+?):(\d+): (.*)$/.exec(line);
    return match === null ? [] : [{ file: match[1] ?? '', n: Number(match[2]), text: match[3] ?? '' }];
  });
}

/** A string input of a tool call, if present. */
export function stringInput(record: Pick<ToolRecord, 'input'>, key: string): string | undefined {
  const value = record.input[key];
  return typeof value === 'string' ? value : undefined;
}

/** Which paths a listing settles: all under its directory, or only those with one extension; undefined for other globs. */
function listingScope(path: string | undefined, pattern: string | undefined): { dir: string; ext: string | undefined } | undefined {
  const dir = path === undefined || path === '.' ? '' : path.replace(/\/+$/, '');
  if (pattern === undefined || pattern === '**' || pattern === '**/*') return { dir, ext: undefined };
  const ext = /^\*\*\/\*(\.\w+)$/.exec(pattern)?.[1];
  return ext === undefined ? undefined : { dir, ext };
}

/** Everything the tool results of a conversation showed. */
export class Findings {
  private readonly listed = new Set<string>();
  /** What each successful listing covered: a directory and, for patterns like `**\/*.ts`, an extension. */
  private readonly scopes: { dir: string; ext: string | undefined }[] = [];
  private readonly seen = new Map<string, Map<number, Line>>();
  private readonly whole = new Map<string, WholeFile>();
  private readonly missing = new Set<string>();

  constructor(readonly records: readonly ToolRecord[]) {
    for (const record of records) this.take(record);
  }

  /** Every file a listing showed, in path order; empty when nothing was listed. */
  files(): string[] {
    return [...this.listed].sort();
  }

  /** True / false when the results settle whether `path` exists; undefined when they don't. */
  exists(path: string): boolean | undefined {
    if (this.listed.has(path) || this.seen.has(path)) return true;
    if (this.missing.has(path)) return false;
    if ([...this.listed].some((file) => file.startsWith(`${path}/`))) return true;
    const covered = this.scopes.some(({ dir, ext }) => (dir === '' || path.startsWith(`${dir}/`)) && (ext === undefined || path.endsWith(ext)));
    return covered ? false : undefined;
  }

  /** The file as read from line 1 to its end, if it was. */
  wholeFile(file: string): WholeFile | undefined {
    return this.whole.get(file);
  }

  /** The first line of `file` (or of any file, for undefined) matching `pattern` that a result showed. */
  find(file: string | undefined, pattern: RegExp): Line | undefined {
    return this.findAll(file, pattern)[0];
  }

  /** Every shown line of `file` (or of files under it, or all files) matching `pattern`, in order. */
  findAll(file: string | undefined, pattern: RegExp): Line[] {
    const found: Line[] = [];
    for (const [path, lines] of [...this.seen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (file !== undefined && path !== file && !path.startsWith(`${file}/`)) continue;
      for (const line of [...lines.values()].sort((a, b) => a.n - b.n)) if (pattern.test(line.text)) found.push(line);
    }
    return found;
  }

  private take(record: ToolRecord): void {
    const path = stringInput(record, 'path');
    if (!record.ok) {
      if (path !== undefined && /does not exist|no such file/i.test(record.content)) this.missing.add(path);
      return;
    }
    if (record.name === 'list_files') {
      const paths = listedPaths(record.content);
      for (const file of paths) this.listed.add(file);
      const scope = listingScope(path, stringInput(record, 'pattern'));
      if (scope !== undefined) this.scopes.push(scope);
    } else if (record.name === 'read_file' && path !== undefined) {
      const lines = numberedLines(path, record.content);
      this.remember(lines);
      const last = lines[lines.length - 1];
      const complete = lines[0]?.n === 1 && last !== undefined && !/\[more lines follow|\[output capped/.test(record.content);
      if (complete) this.whole.set(path, { file: path, lines });
    } else if (record.name === 'grep') {
      this.remember(grepLines(record.content));
    }
  }

  private remember(lines: readonly Line[]): void {
    for (const line of lines) {
      const known = this.seen.get(line.file) ?? new Map<number, Line>();
      known.set(line.n, line);
      this.seen.set(line.file, known);
    }
  }
}
