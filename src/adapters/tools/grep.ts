// grep: every line matching a JavaScript regex in the workspace's text files, as
// `path:line: text`, so an agent can find definitions and uses without reading every file.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { quotePath, resolveInWorkspace } from './workspace-path.js';
import { walkFiles, type WalkedFile } from './workspace-walk.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';

export const GREP_MAX_MATCHES = 500;
/** Files larger than this are skipped (and counted) rather than searched. */
export const GREP_MAX_FILE_BYTES = 1024 * 1024;
/** A matching line longer than this is shown cut. */
export const GREP_MAX_LINE_CHARS = 300;

const GrepInput = z.object({
  pattern: z.string().min(1),
  path: z.string().min(1).optional(),
});

const spec = {
  name: 'grep',
  description:
    'Search the text files of the workspace for lines matching a JavaScript regular expression ' +
    '(RegExp syntax, case-sensitive; use a character class like [Tt]odo for either case). ' +
    'Prints one line per match as "path:line: text", paths relative to the workspace root, ' +
    'files in path order. `path` is a directory to search recursively (default: the whole ' +
    'workspace) or a single file. Binary files, files over ' +
    `${GREP_MAX_FILE_BYTES / 1024 / 1024} MiB, .git and node_modules are skipped. At most ` +
    `${GREP_MAX_MATCHES} matches are returned; long lines are cut at ${GREP_MAX_LINE_CHARS} characters.`,
  inputSchema: {
    type: 'object',
    properties: {
      pattern: {
        type: 'string',
        description: 'JavaScript regular expression, without slashes or flags.',
      },
      path: {
        type: 'string',
        description: 'Directory or file relative to the workspace root. Defaults to the root.',
      },
    },
    required: ['pattern'],
  },
  effect: 'read',
} as const;

type FileSearch = { kind: 'searched' } | { kind: 'binary' } | { kind: 'too-large' };

class MatchCollector {
  readonly lines: string[] = [];
  capped = false;
  skippedLarge = 0;

  /** Adds a match; returns false (and marks the cap) when no more fit. */
  add(display: string, lineNumber: number, text: string): boolean {
    if (this.lines.length === GREP_MAX_MATCHES) {
      this.capped = true;
      return false;
    }
    const shown =
      text.length > GREP_MAX_LINE_CHARS ? `${text.slice(0, GREP_MAX_LINE_CHARS)} …` : text;
    this.lines.push(`${display}:${lineNumber}: ${shown}`);
    return true;
  }
}

async function searchFile(
  file: WalkedFile,
  regex: RegExp,
  matches: MatchCollector,
): Promise<FileSearch> {
  const { size } = await stat(file.real);
  if (size > GREP_MAX_FILE_BYTES) return { kind: 'too-large' };
  const bytes = await readFile(file.real);
  if (bytes.includes(0)) return { kind: 'binary' };
  const lines = bytes.toString('utf8').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (regex.test(line) && !matches.add(file.display, index + 1, line)) break;
  }
  return { kind: 'searched' };
}

function compile(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return `invalid regex ${JSON.stringify(pattern)}: ${reason}`;
  }
}

async function grep(input: Record<string, unknown>, context: ToolContext): Promise<ToolOutcome> {
  const parsed = parseToolInput('grep', GrepInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  const { pattern, path: requested = '.' } = parsed.value;
  const regex = compile(pattern);
  if (typeof regex === 'string') return toolError(regex);
  if (context.signal.aborted) return abortedOutcome('grep');
  const target = await resolveInWorkspace(context.cwd, requested);
  if (!target.ok) return toolError(target.error);
  const { root, real, display } = target.value;

  const matches = new MatchCollector();
  const kind = await stat(real);
  // A FIFO or device named directly would block readFile forever, deaf to the abort signal.
  if (!kind.isDirectory() && !kind.isFile())
    return toolError(`path ${quotePath(requested)} is not a regular file or directory`);
  if (kind.isDirectory()) {
    for await (const file of walkFiles(root, real, context.signal)) {
      const searched = await searchFile(file, regex, matches);
      if (searched.kind === 'too-large') matches.skippedLarge += 1;
      if (matches.capped) break;
    }
    if (context.signal.aborted) return abortedOutcome('grep');
  } else {
    const searched = await searchFile({ real, display, fromStart: display }, regex, matches);
    if (searched.kind === 'binary')
      return toolError(`path ${quotePath(requested)} is a binary file; grep searches text only`);
    if (searched.kind === 'too-large') {
      return toolError(
        `path ${quotePath(requested)} is over ${GREP_MAX_FILE_BYTES / 1024 / 1024} MiB; use read_file with offset and limit`,
      );
    }
  }

  const notes: string[] = [];
  if (matches.capped)
    notes.push(`[capped at ${GREP_MAX_MATCHES} matches; narrow the pattern or path]`);
  if (matches.skippedLarge > 0) {
    notes.push(
      `[skipped ${matches.skippedLarge} file(s) over ${GREP_MAX_FILE_BYTES / 1024 / 1024} MiB]`,
    );
  }
  if (matches.lines.length === 0) {
    const where = display === '.' ? 'the workspace' : display;
    return toolText([`no matches for /${pattern}/ in ${where}`, ...notes].join('\n'));
  }
  return toolText([...matches.lines, ...notes].join('\n'));
}

/** The grep tool: lets an agent find where things are defined and used across the workspace. */
export const grepTool: WorkspaceTool = { spec, run: grep };
