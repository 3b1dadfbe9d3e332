// grep: every line matching a JavaScript regex in the workspace's text files, as
// `path:line: text`, so an agent can find definitions and uses without reading every file.
// Walking and reading stay here; the regex runs in a worker thread (grep-search.ts).
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { quotePath, resolveInWorkspace } from './workspace-path.js';
import {
  GREP_MAX_FILE_BYTES,
  GREP_MAX_LINE_CHARS,
  GREP_MAX_MATCHES,
  GrepSearch,
  type MatchCollector,
  type SearchStop,
} from './grep-search.js';
import { walkFiles } from './workspace-walk.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';

export { GREP_MAX_FILE_BYTES, GREP_MAX_LINE_CHARS, GREP_MAX_MATCHES } from './grep-search.js';

/** How long a pattern may spend matching, over the whole call, before its worker is terminated. */
export const GREP_BUDGET_MS = 5000;

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

type FileRead = { kind: 'text'; bytes: Buffer } | { kind: 'binary' } | { kind: 'too-large' };

async function readTextFile(real: string): Promise<FileRead> {
  const { size } = await stat(real);
  if (size > GREP_MAX_FILE_BYTES) return { kind: 'too-large' };
  const bytes = await readFile(real);
  if (bytes.includes(0)) return { kind: 'binary' };
  return { kind: 'text', bytes };
}

function stopOutcome(stop: SearchStop, pattern: string, budgetMs: number): ToolOutcome {
  switch (stop.kind) {
    case 'aborted':
      return abortedOutcome('grep');
    case 'too-slow':
      return toolError(
        `pattern ${JSON.stringify(pattern)} took too long (possible catastrophic backtracking); ` +
          `grep stopped it after ${budgetMs / 1000} s: simplify the pattern or narrow the path`,
      );
    case 'failed':
      return toolError(stop.message);
  }
}

/** Checks the pattern compiles (here, so a bad one needs no worker); undefined when it does. */
function compile(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return `invalid regex ${JSON.stringify(pattern)}: ${reason}`;
  }
}

/** Walks the directory, feeding text files to the search; a SearchStop ends it early. */
async function searchDirectory(
  search: GrepSearch,
  root: string,
  start: string,
  signal: AbortSignal,
): Promise<SearchStop | undefined> {
  for await (const file of walkFiles(root, start, signal)) {
    const read = await readTextFile(file.real);
    if (read.kind === 'too-large') search.matches.skippedLarge += 1;
    if (read.kind !== 'text') continue;
    const stop = await search.add(file.display, read.bytes);
    if (stop !== undefined) return stop;
    if (search.matches.capped) return undefined;
  }
  if (signal.aborted) return { kind: 'aborted' };
  return search.flush();
}

function report(matches: MatchCollector, pattern: string, display: string): ToolOutcome {
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

async function grep(
  input: Record<string, unknown>,
  context: ToolContext,
  budgetMs: number,
): Promise<ToolOutcome> {
  const parsed = parseToolInput('grep', GrepInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  const { pattern, path: requested = '.' } = parsed.value;
  const compiled = compile(pattern);
  if (compiled !== undefined) return toolError(compiled);
  if (context.signal.aborted) return abortedOutcome('grep');
  const target = await resolveInWorkspace(context.cwd, requested);
  if (!target.ok) return toolError(target.error);
  const { root, real, display } = target.value;

  const kind = await stat(real);
  // A FIFO or device named directly would block readFile forever, deaf to the abort signal.
  if (!kind.isDirectory() && !kind.isFile())
    return toolError(`path ${quotePath(requested)} is not a regular file or directory`);
  const search = new GrepSearch(pattern, budgetMs, context.signal);
  try {
    if (kind.isDirectory()) {
      const stop = await searchDirectory(search, root, real, context.signal);
      if (stop !== undefined) return stopOutcome(stop, pattern, budgetMs);
    } else {
      const read = await readTextFile(real);
      if (read.kind === 'binary')
        return toolError(`path ${quotePath(requested)} is a binary file; grep searches text only`);
      if (read.kind === 'too-large') {
        return toolError(
          `path ${quotePath(requested)} is over ${GREP_MAX_FILE_BYTES / 1024 / 1024} MiB; use read_file with offset and limit`,
        );
      }
      const stop = (await search.add(display, read.bytes)) ?? (await search.flush());
      if (stop !== undefined) return stopOutcome(stop, pattern, budgetMs);
    }
    return report(search.matches, pattern, display);
  } finally {
    search.dispose();
  }
}

export type GrepToolOptions = {
  /** Matching time allowed per call before the pattern is stopped; GREP_BUDGET_MS by default. */
  readonly budgetMs?: number;
};

/** Builds the grep tool; tests shorten the time budget to exercise a runaway pattern quickly. */
export function createGrepTool(options: GrepToolOptions = {}): WorkspaceTool {
  const budgetMs = options.budgetMs ?? GREP_BUDGET_MS;
  return { spec, run: (input, context) => grep(input, context, budgetMs) };
}

/** The grep tool: lets an agent find where things are defined and used across the workspace. */
export const grepTool: WorkspaceTool = createGrepTool();
