// grep: every line matching a JavaScript regex in the workspace's text files, as
// `path:line: text`, so an agent can find definitions and uses without reading every file.
// Walking and reading stay here; the regex runs in a worker thread (grep-search.ts).
import * as z from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import {
  hardLinkRefusal,
  openConfinedDirectory,
  openConfinedFile,
  openErrorText,
  type ConfinedDirectory,
} from './confined-fs.js';
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

type FileRead =
  | { kind: 'text'; bytes: Buffer }
  | { kind: 'binary' }
  | { kind: 'too-large' }
  | { kind: 'hard-linked' }
  | { kind: 'unreadable' };

// Through a confined descriptor only; a file that vanished or changed kind mid-walk is skipped.
async function readTextFile(root: string, target: string | Buffer): Promise<FileRead> {
  const opened = await openConfinedFile(root, target);
  if (!opened.ok) return { kind: 'unreadable' };
  const { handle, stats } = opened.value;
  try {
    if (!stats.isFile()) return { kind: 'unreadable' };
    if (hardLinkRefusal(stats) !== undefined) return { kind: 'hard-linked' };
    if (stats.size > GREP_MAX_FILE_BYTES) return { kind: 'too-large' };
    const bytes = await handle.readFile();
    if (bytes.includes(0)) return { kind: 'binary' };
    return { kind: 'text', bytes };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    await handle.close();
  }
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
  start: ConfinedDirectory,
  display: string,
  signal: AbortSignal,
): Promise<SearchStop | undefined> {
  for await (const file of walkFiles(root, start, display, signal)) {
    const read = await readTextFile(root, file.target);
    if (read.kind === 'too-large') search.matches.skippedLarge += 1;
    if (read.kind === 'hard-linked') search.matches.skippedHardLinks += 1;
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
  if (matches.skippedHardLinks > 0) {
    notes.push(
      `[skipped ${matches.skippedHardLinks} hard-linked file(s): another link may lie outside the workspace]`,
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

  // A directory is walked through its descriptor; anything else is opened as one file.
  const directory = await openConfinedDirectory(root, real);
  if (directory.ok) {
    try {
      return await grepDirectory(directory.value, { root, display, pattern, budgetMs }, context);
    } finally {
      await directory.value.handle.close();
    }
  }
  if (directory.error.kind !== 'not-a-directory') {
    return toolError(openErrorText(requested, directory.error));
  }
  const read = await readOneFile(root, real, requested);
  if (!read.ok) return read.error;
  const search = new GrepSearch(pattern, budgetMs, context.signal);
  try {
    const stop = (await search.add(display, read.value)) ?? (await search.flush());
    if (stop !== undefined) return stopOutcome(stop, pattern, budgetMs);
    return report(search.matches, pattern, display);
  } finally {
    search.dispose();
  }
}

type GrepRequest = {
  readonly root: string;
  readonly display: string;
  readonly pattern: string;
  readonly budgetMs: number;
};

async function grepDirectory(
  start: ConfinedDirectory,
  request: GrepRequest,
  context: ToolContext,
): Promise<ToolOutcome> {
  const { root, display, pattern, budgetMs } = request;
  const search = new GrepSearch(pattern, budgetMs, context.signal);
  try {
    const stop = await searchDirectory(search, root, start, display, context.signal);
    if (stop !== undefined) return stopOutcome(stop, pattern, budgetMs);
    return report(search.matches, pattern, display);
  } finally {
    search.dispose();
  }
}

// A single file named directly: every reason it is not searched is an error the model reads.
async function readOneFile(root: string, real: string, requested: string): Promise<Result<Buffer, ToolOutcome>> {
  const opened = await openConfinedFile(root, real);
  if (!opened.ok) return err(toolError(openErrorText(requested, opened.error)));
  const { handle, stats } = opened.value;
  try {
    // A FIFO or device named directly would block the read forever, deaf to the abort signal.
    if (!stats.isFile()) {
      return err(toolError(`path ${quotePath(requested)} is not a regular file or directory`));
    }
    const linked = hardLinkRefusal(stats);
    if (linked !== undefined) return err(toolError(`path ${quotePath(requested)} is refused: ${linked}`));
    if (stats.size > GREP_MAX_FILE_BYTES) {
      return err(
        toolError(
          `path ${quotePath(requested)} is over ${GREP_MAX_FILE_BYTES / 1024 / 1024} MiB; use read_file with offset and limit`,
        ),
      );
    }
    const bytes = await handle.readFile();
    if (bytes.includes(0)) {
      return err(toolError(`path ${quotePath(requested)} is a binary file; grep searches text only`));
    }
    return ok(bytes);
  } finally {
    await handle.close();
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
