// edit_file: replaces one exact, unique piece of a workspace file. Uniqueness is the safety
// net: an `old` that matches nowhere or in several places changes nothing and says why.
import * as z from 'zod';
import { err, ok, type Result } from '../../core/result.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { quotePath, resolveInWorkspace } from './workspace-path.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';
import { writeConfined } from './confined-write.js';
import { hardLinkRefusal, openConfinedFile, openErrorText, type ConfinedFile } from './confined-fs.js';

export const EDIT_FILE_MAX_BYTES = 10 * 1024 * 1024;
const QUOTE_CHARS = 80;

const EditFileInput = z.object({
  path: z.string().min(1),
  old: z.string().min(1, { error: 'must not be empty (use write_file to create a file)' }),
  new: z.string(),
});

const spec = {
  name: 'edit_file',
  description:
    'Replace one exact piece of text in an existing workspace file. `old` must match the ' +
    'file exactly (every space, tab and line break) and exactly once: when it matches ' +
    'nowhere or in several places nothing changes and the error says why, so include enough ' +
    'surrounding lines to make it unique. Copy `old` from read_file output without the line ' +
    'numbers. `new` replaces it (an empty `new` deletes it). Returns the changed line range.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root.' },
      old: {
        type: 'string',
        description: 'The exact text to replace; non-empty and found exactly once in the file.',
      },
      new: { type: 'string', description: 'The text to put in its place.' },
    },
    required: ['path', 'old', 'new'],
  },
  effect: 'write',
} as const;

/** Every index where `needle` starts, overlapping ones included ("aa" is twice in "aaa"). */
export function matchPositions(haystack: string, needle: string): number[] {
  const positions: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    positions.push(at);
  }
  return positions;
}

function newlinesIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** The 1-based line a character index falls on. */
function lineAt(text: string, index: number): number {
  return newlinesIn(text.slice(0, index)) + 1;
}

/** The last line a piece starting on `first` touches (a final newline opens no new line). */
function lastLine(first: number, piece: string): number {
  return first + newlinesIn(piece.slice(0, -1));
}

function lineRange(first: number, last: number): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

function shortQuote(text: string): string {
  const cut = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return JSON.stringify(cut);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Why `old` was not found, pointing at where the model probably meant, so it can retry. */
export function missingMatchHint(content: string, old: string): string {
  const firstLine = old
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  if (firstLine !== undefined) {
    const lines = content.split('\n');
    const at = lines.findIndex((line) => line.includes(firstLine));
    const found = lines[at];
    if (found !== undefined) {
      return (
        `its first line ${shortQuote(firstLine)} appears at line ${at + 1} ` +
        `(${shortQuote(found.trim())}), but the text after it differs; ` +
        'read the file again and copy the lines exactly'
      );
    }
  }
  if (collapseWhitespace(content).includes(collapseWhitespace(old))) {
    return 'the text is there with different spaces, tabs or line breaks; copy it exactly';
  }
  return `no line of the file contains ${shortQuote(firstLine ?? old)}; read the file again`;
}

/** A valid edit: where `old` sits (exactly once) in the file as it was read. */
type EditPlan = {
  readonly requested: string;
  readonly root: string;
  readonly real: string;
  readonly display: string;
  readonly content: string;
  readonly start: number;
  readonly old: string;
  readonly replacement: string;
};

// Everything that can be checked without writing: input, path, file kind and size, the match.
async function planEdit(input: Record<string, unknown>, cwd: string): Promise<Result<EditPlan, ToolOutcome>> {
  const parsed = parseToolInput('edit_file', EditFileInput, input);
  if (!parsed.ok) return err(toolError(parsed.error));
  const { path: requested, old, new: replacement } = parsed.value;
  if (old === replacement) return err(toolError('old and new are the same; nothing to change'));
  const target = await resolveInWorkspace(cwd, requested);
  if (!target.ok) return err(toolError(target.error));
  const { root, real, display } = target.value;
  const file = await openConfinedFile(root, real);
  if (!file.ok) return err(toolError(openErrorText(requested, file.error)));
  try {
    return await planOpenEdit(file.value, { requested, root, real, display, old, replacement });
  } finally {
    await file.value.handle.close();
  }
}

type EditRequest = Omit<EditPlan, 'content' | 'start'>;

async function planOpenEdit(file: ConfinedFile, request: EditRequest): Promise<Result<EditPlan, ToolOutcome>> {
  const { requested, display, old } = request;
  const { stats } = file;
  if (stats.isDirectory()) return err(toolError(`path ${quotePath(requested)} is a directory`));
  if (!stats.isFile()) return err(toolError(`path ${quotePath(requested)} is not a regular file`));
  if (stats.size > EDIT_FILE_MAX_BYTES) {
    return err(
      toolError(`path ${quotePath(requested)} is larger than ${EDIT_FILE_MAX_BYTES / 1024 / 1024} MiB; edit_file refuses it`),
    );
  }
  const linked = hardLinkRefusal(stats);
  if (linked !== undefined) return err(toolError(`path ${quotePath(requested)} is refused: ${linked}`));
  const bytes = await file.handle.readFile();
  if (bytes.includes(0)) {
    return err(toolError(`path ${quotePath(requested)} is a binary file; edit_file edits text only`));
  }
  const content = bytes.toString('utf8');
  const positions = matchPositions(content, old);
  const [start] = positions;
  if (start === undefined) {
    return err(toolError(`old text not found in ${display}: ${missingMatchHint(content, old)}`));
  }
  if (positions.length > 1) {
    const lines = positions.slice(0, 10).map((at) => lineAt(content, at));
    const more = positions.length > 10 ? ', …' : '';
    return err(
      toolError(
        `old text matches ${positions.length} places in ${display} (at lines ${lines.join(', ')}${more}); ` +
          'include more surrounding lines so it matches exactly one',
      ),
    );
  }
  return ok({ ...request, content, start });
}

async function editFile(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const planned = await planEdit(input, context.cwd);
  if (!planned.ok) return planned.error;
  const { requested, root, real, display, content, start, old, replacement } = planned.value;
  // Slices, not String.replace: `$&` and friends in `new` must stay literal.
  const edited = content.slice(0, start) + replacement + content.slice(start + old.length);
  if (context.signal.aborted) return abortedOutcome('edit_file');
  const saved = await writeConfined(root, real, edited, requested);
  if (!saved.ok) return toolError(saved.error);
  const first = lineAt(content, start);
  const replaced = lineRange(first, lastLine(first, old));
  if (replacement === '') return toolText(`edited ${display}: removed ${replaced}`);
  const written = lineRange(first, lastLine(first, replacement));
  if (written === replaced) return toolText(`edited ${display}: changed ${replaced}`);
  return toolText(`edited ${display}: replaced ${replaced} with ${written}`);
}

/**
 * Before approval is asked: the error an edit would certainly end in (missing file, `old`
 * found nowhere or in several places), from one read of the file; undefined when it may go on.
 * A throw (a file that vanished between checks) is left for the run to report.
 */
async function precheckEdit(input: Record<string, unknown>, cwd: string): Promise<ToolOutcome | undefined> {
  try {
    const planned = await planEdit(input, cwd);
    return planned.ok ? undefined : planned.error;
  } catch {
    return undefined;
  }
}

/** The edit_file tool: lets an agent change part of a file without resending all of it. */
export const editFileTool: WorkspaceTool = { spec, run: editFile, precheck: precheckEdit };
