// read_file: numbered lines of one text file in the workspace, read in chunks so a huge
// file costs no more than the lines shown; binary files are refused, output is capped.
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import * as z from 'zod';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { hardLinkRefusal, openConfinedFile, openErrorText } from './confined-fs.js';
import { resolveInWorkspace, quotePath } from './workspace-path.js';
import {
  abortedOutcome,
  parseToolInput,
  toolError,
  toolText,
  type WorkspaceTool,
} from './workspace-tool.js';

export const READ_FILE_MAX_LINES = 2000;
export const READ_FILE_MAX_BYTES = 100 * 1024;
export const READ_FILE_MAX_LINE_CHARS = 2000;
const CHUNK_BYTES = 64 * 1024;

const ReadFileInput = z.object({
  path: z.string().min(1),
  offset: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).optional(),
});

const spec = {
  name: 'read_file',
  description:
    'Read a text file in the workspace. Returns numbered lines ("   12\\tcode"); the numbers ' +
    'are for reference and are not part of the file. `path` is relative to the workspace root. ' +
    `At most ${READ_FILE_MAX_LINES} lines or ${READ_FILE_MAX_BYTES / 1024} KiB are returned per ` +
    'call, and lines longer than ' +
    `${READ_FILE_MAX_LINE_CHARS} characters are cut; when more remains, the output ends with a ` +
    'note giving the `offset` to continue from. Use `offset` (1-based first line) and `limit` ' +
    '(number of lines) to read part of a large file. Binary files are refused.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root.' },
      offset: {
        type: 'integer',
        minimum: 1,
        description: 'First line to return, counting from 1. Defaults to 1.',
      },
      limit: {
        type: 'integer',
        minimum: 1,
        description: `Number of lines to return. Defaults to (and is capped at) ${READ_FILE_MAX_LINES}.`,
      },
    },
    required: ['path'],
  },
  effect: 'read',
} as const;

type Stop = 'end-of-file' | 'limit' | 'line-cap' | 'byte-cap';

/** Collects the numbered lines in the requested window and notes why it stopped. */
class NumberedLineWindow {
  readonly shown: string[] = [];
  lineNumber = 0;
  stop: Stop = 'end-of-file';
  private bytes = 0;

  constructor(
    private readonly first: number,
    private readonly count: number,
    private readonly countIsCap: boolean,
  ) {}

  /** Takes the next whole line; returns false once the window is full. */
  add(text: string, cut: boolean): boolean {
    this.lineNumber += 1;
    if (this.lineNumber < this.first) return true;
    if (this.shown.length >= this.count) {
      this.stop = this.countIsCap ? 'line-cap' : 'limit';
      return false;
    }
    const suffix = cut ? ` … [line cut at ${READ_FILE_MAX_LINE_CHARS} characters]` : '';
    const formatted = `${String(this.lineNumber).padStart(5)}\t${text}${suffix}`;
    const size = Buffer.byteLength(formatted) + 1;
    if (this.bytes + size > READ_FILE_MAX_BYTES && this.shown.length > 0) {
      this.stop = 'byte-cap';
      return false;
    }
    this.bytes += size;
    this.shown.push(formatted);
    return true;
  }

  /** The line after the last one shown, where a follow-up call should start. */
  nextOffset(): number {
    return this.first + this.shown.length;
  }
}

/** Splits decoded text into lines, holding at most a capped prefix of an over-long line. */
class LineSplitter {
  private partial = '';
  private cut = false;

  constructor(private readonly window: NumberedLineWindow) {}

  /** Feeds decoded text; returns false once the window wants no more lines. */
  feed(text: string): boolean {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      const piece = newline === -1 ? text.slice(start) : text.slice(start, newline);
      this.append(piece);
      if (newline === -1) return true;
      if (!this.flush()) return false;
      start = newline + 1;
    }
  }

  /** Emits a last line that had no newline after it. */
  finish(): void {
    if (this.partial !== '' || this.cut) this.flush();
  }

  private append(piece: string): void {
    const room = READ_FILE_MAX_LINE_CHARS - this.partial.length;
    if (piece.length > room) {
      this.partial += piece.slice(0, Math.max(room, 0));
      this.cut = true;
    } else {
      this.partial += piece;
    }
  }

  private flush(): boolean {
    const text = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
    const wanted = this.window.add(text, this.cut);
    this.partial = '';
    this.cut = false;
    return wanted;
  }
}

function trailer(window: NumberedLineWindow): string {
  const next = window.nextOffset();
  switch (window.stop) {
    case 'end-of-file':
      return '';
    case 'limit':
      return `\n[more lines follow; call read_file with offset=${next} to continue]`;
    case 'line-cap':
      return `\n[output capped at ${READ_FILE_MAX_LINES} lines; call read_file with offset=${next} to continue]`;
    case 'byte-cap':
      return `\n[output capped at ${READ_FILE_MAX_BYTES / 1024} KiB; call read_file with offset=${next} to continue]`;
  }
}

type ReadOutcome = { kind: 'read' } | { kind: 'binary' } | { kind: 'aborted' };

async function readIntoWindow(
  handle: FileHandle,
  window: NumberedLineWindow,
  signal: AbortSignal,
): Promise<ReadOutcome> {
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter(window);
  const buffer = Buffer.alloc(CHUNK_BYTES);
  for (;;) {
    if (signal.aborted) return { kind: 'aborted' };
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    if (chunk.includes(0)) return { kind: 'binary' };
    if (!splitter.feed(decoder.write(chunk))) return { kind: 'read' };
  }
  splitter.feed(decoder.end());
  splitter.finish();
  return { kind: 'read' };
}

async function readFile(
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const parsed = parseToolInput('read_file', ReadFileInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  const { path: requested, offset = 1, limit } = parsed.value;
  if (context.signal.aborted) return abortedOutcome('read_file');
  const target = await resolveInWorkspace(context.cwd, requested);
  if (!target.ok) return toolError(target.error);
  // Opened without following a last symlink, then checked where the descriptor really is.
  const file = await openConfinedFile(target.value.root, target.value.real);
  if (!file.ok) return toolError(openErrorText(requested, file.error));
  try {
    return await readOpenFile(
      { requested, display: target.value.display },
      file.value.stats,
      file.value.handle,
      offset,
      limit,
      context,
    );
  } finally {
    await file.value.handle.close();
  }
}

async function readOpenFile(
  names: { readonly requested: string; readonly display: string },
  stats: Stats,
  handle: FileHandle,
  offset: number,
  limit: number | undefined,
  context: ToolContext,
): Promise<ToolOutcome> {
  const { requested, display } = names;
  if (stats.isDirectory()) {
    return toolError(
      `path ${quotePath(requested)} is a directory; use list_files to see its files`,
    );
  }
  if (!stats.isFile()) return toolError(`path ${quotePath(requested)} is not a regular file`);
  const linked = hardLinkRefusal(stats);
  if (linked !== undefined) return toolError(`path ${quotePath(requested)} is refused: ${linked}`);

  const count = Math.min(limit ?? READ_FILE_MAX_LINES, READ_FILE_MAX_LINES);
  const window = new NumberedLineWindow(
    offset,
    count,
    limit === undefined || limit > READ_FILE_MAX_LINES,
  );
  const outcome = await readIntoWindow(handle, window, context.signal);
  switch (outcome.kind) {
    case 'aborted':
      return abortedOutcome('read_file');
    case 'binary':
      return toolError(
        `path ${quotePath(requested)} is a binary file (it contains NUL bytes); read_file reads text only`,
      );
    case 'read':
      break;
  }
  if (window.shown.length === 0) {
    if (window.lineNumber === 0) return toolText(`(${display} is empty)`);
    return toolError(
      `offset ${offset} is past the end of ${quotePath(requested)}, which has ${window.lineNumber} lines`,
    );
  }
  return toolText(window.shown.join('\n') + trailer(window));
}

/** The read_file tool: lets an agent see a file's text with line numbers it can cite. */
export const readFileTool: WorkspaceTool = { spec, run: readFile };
