// What a pending write shows in its pane before y / a / n (issue 11, item 8): write_file's new
// content (head and tail when long), edit_file's change as a unified diff against the file as it
// is now. Pure: the app reads the file (through the tools adapter) and hands its text in.
import { structuredPatch } from 'diff';
import { visibleControls } from './visible-controls.js';
import type { ToolCall } from './tools.js';
import type { LineStyle } from './transcript-view.js';

/** One preview row: its text (sanitized, one logical line) and look. */
export type PreviewLine = { readonly text: string; readonly style: LineStyle };

/** What the file holds now: its text, or why it cannot be shown. */
export type CurrentFile = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'unreadable'; readonly reason: string };

/** Rows a preview may take; longer ones keep their head and tail. */
export const PREVIEW_MAX_LINES = 40;
const TAIL_LINES = 10;
const DIFF_CONTEXT = 3;

function inputString(call: ToolCall, key: string): string | undefined {
  const value = call.input[key];
  return typeof value === 'string' ? value : undefined;
}

/** The file a write or edit call targets, for the app to read; undefined for other calls. */
export function previewPath(call: ToolCall): string | undefined {
  if (call.name !== 'write_file' && call.name !== 'edit_file') return undefined;
  return inputString(call, 'path');
}

/** The preview of a pending write_file or edit_file call; undefined for other tools. */
export function approvalPreview(call: ToolCall, current: CurrentFile): PreviewLine[] | undefined {
  if (call.name === 'write_file') return writePreview(inputString(call, 'content') ?? '', current);
  if (call.name === 'edit_file') return editPreview(call, current);
  return undefined;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

function writePreview(content: string, current: CurrentFile): PreviewLine[] {
  const lines = splitLines(content);
  const count = plural(lines.length, 'line');
  const what =
    current.kind === 'text'
      ? `replaces the whole file (${plural(splitLines(current.text).length, 'line')} now) with ${count}:`
      : current.kind === 'missing'
        ? `creates the file with ${count}:`
        : `writes ${count} (the file now: ${current.reason}):`;
  const body = lines.map((line): PreviewLine => ({ text: `  ${line}`, style: 'tool-result' }));
  return headAndTail([{ text: what, style: 'notice' }, ...body]);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function editPreview(call: ToolCall, current: CurrentFile): PreviewLine[] {
  const path = inputString(call, 'path') ?? '(no path)';
  const old = inputString(call, 'old') ?? '';
  const replacement = inputString(call, 'new') ?? '';
  const at = current.kind === 'text' ? current.text.indexOf(old) : -1;
  // Without the file (or without a match, which the tool will refuse) the change alone is shown.
  const [before, after, note] =
    current.kind === 'text' && at >= 0 && old !== ''
      ? [current.text, current.text.slice(0, at) + replacement + current.text.slice(at + old.length), undefined]
      : [old, replacement, current.kind === 'text' ? 'old text not found in the file as it is now; the change alone:' : 'the change alone:'];
  const patch = structuredPatch(path, path, before, after, '', '', { context: DIFF_CONTEXT });
  const rows: PreviewLine[] = note === undefined ? [] : [{ text: note, style: 'notice' }];
  rows.push({ text: `--- ${path}`, style: 'tool-error' }, { text: `+++ ${path}`, style: 'streaming' });
  for (const hunk of patch.hunks) {
    rows.push({ text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, style: 'notice' });
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      const style: LineStyle = line.startsWith('+') ? 'streaming' : line.startsWith('-') ? 'tool-error' : 'tool-result';
      rows.push({ text: line, style });
    }
  }
  return headAndTail(rows);
}

/**
 * All rows when they fit, else the head, a "… N lines …" row and the last rows. A tool input is
 * shown as it will be written: controls visible (`␛[2J`), never dropped (issue 9); tabs as spaces.
 */
function headAndTail(rows: readonly PreviewLine[]): PreviewLine[] {
  const clean = rows.map((row) => ({ text: visibleControls(row.text.replace(/\t/gu, '    ')), style: row.style }));
  if (clean.length <= PREVIEW_MAX_LINES) return clean;
  const head = PREVIEW_MAX_LINES - TAIL_LINES - 1;
  const hidden = clean.length - head - TAIL_LINES;
  return [...clean.slice(0, head), { text: `  … ${hidden} more lines …`, style: 'dim' }, ...clean.slice(clean.length - TAIL_LINES)];
}
