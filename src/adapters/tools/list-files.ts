// list_files: the files under a workspace directory, optionally filtered by a glob, so an
// agent can find its way around a project without a shell.
import * as z from 'zod';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { openConfinedDirectory, openErrorText, type ConfinedDirectory } from './confined-fs.js';
import { globToRegExp } from './glob.js';
import { quotePath, resolveInWorkspace } from './workspace-path.js';
import { walkFiles } from './workspace-walk.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';

export const LIST_FILES_MAX_ENTRIES = 1000;

const ListFilesInput = z.object({
  path: z.string().min(1).optional(),
  pattern: z.string().min(1).optional(),
});

const spec = {
  name: 'list_files',
  description:
    'List the files under a directory of the workspace, recursively, in path order, one per ' +
    'line, relative to the workspace root (ready to pass to read_file). .git and node_modules ' +
    'are skipped. `path` defaults to the workspace root. `pattern` is a glob matched against ' +
    'each path relative to `path`: `*` matches within one directory level, `?` one character, ' +
    '`**` any number of levels (e.g. "**/*.ts" for TypeScript files at any depth, "*.md" for ' +
    `Markdown files directly in \`path\`). At most ${LIST_FILES_MAX_ENTRIES} entries are returned; ` +
    'narrow `path` or `pattern` when the output says it was capped.',
  inputSchema: {
    type: 'object',
    properties: {
      path: {
        type: 'string',
        description: 'Directory relative to the workspace root. Defaults to the root.',
      },
      pattern: {
        type: 'string',
        description: 'Glob over paths relative to `path`, e.g. "**/*.ts" or "src/*.js".',
      },
    },
  },
  effect: 'read',
} as const;

async function listFiles(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const parsed = parseToolInput('list_files', ListFilesInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  const { path: requested = '.', pattern } = parsed.value;
  if (context.signal.aborted) return abortedOutcome('list_files');
  const target = await resolveInWorkspace(context.cwd, requested);
  if (!target.ok) return toolError(target.error);
  const { root, real, display } = target.value;
  const start = await openConfinedDirectory(root, real);
  if (!start.ok) {
    if (start.error.kind === 'not-a-directory') {
      return toolError(
        `path ${quotePath(requested)} is a file, not a directory; use read_file to read it`,
      );
    }
    return toolError(openErrorText(requested, start.error));
  }
  try {
    return await listUnder(start.value, { root, display, pattern }, context);
  } finally {
    await start.value.handle.close();
  }
}

type ListRequest = { readonly root: string; readonly display: string; readonly pattern: string | undefined };

async function listUnder(
  start: ConfinedDirectory,
  request: ListRequest,
  context: ToolContext,
): Promise<ToolOutcome> {
  const { root, display, pattern } = request;

  const matcher = pattern === undefined ? undefined : globToRegExp(pattern);
  const found: string[] = [];
  let capped = false;
  for await (const file of walkFiles(root, start, display, context.signal)) {
    if (matcher !== undefined && !matcher.test(file.fromStart)) continue;
    if (found.length === LIST_FILES_MAX_ENTRIES) {
      capped = true;
      break;
    }
    found.push(file.display);
  }
  if (context.signal.aborted) return abortedOutcome('list_files');

  const where = display === '.' ? 'the workspace' : display;
  if (found.length === 0) {
    const filter = pattern === undefined ? '' : ` matching ${JSON.stringify(pattern)}`;
    return toolText(`no files${filter} under ${where}`);
  }
  const note = capped
    ? `\n[capped at ${LIST_FILES_MAX_ENTRIES} entries; more files exist — narrow path or pattern]`
    : '';
  return toolText(found.join('\n') + note);
}

/** The list_files tool: lets an agent discover which files a workspace holds. */
export const listFilesTool: WorkspaceTool = { spec, run: listFiles };
