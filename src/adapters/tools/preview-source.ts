// Reads the file a pending write_file / edit_file call targets, so its approval preview can show
// the content it replaces or the diff against it. Confined like the tools themselves (a path
// leaving the workspace is "unreadable", never read), and read only up to a size a pane can use.
import { readFile, stat } from 'node:fs/promises';
import type { CurrentFile } from '../../core/approval-preview.js';
import { messageOf } from '../../core/result.js';
import { resolveWriteTarget } from './write-file.js';

const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;

/** The file at `requested` (relative to `cwd`) as it is now: its text, missing, or why it cannot be shown. */
export async function readCurrentFile(cwd: string, requested: string): Promise<CurrentFile> {
  // The write tools' own resolution: a missing target is fine, leaving the workspace is not.
  const target = await resolveWriteTarget(cwd, requested);
  if (!target.ok) return { kind: 'unreadable', reason: target.error };
  if (!target.value.exists) return { kind: 'missing' };
  try {
    const stats = await stat(target.value.real);
    if (!stats.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (stats.size > PREVIEW_MAX_BYTES) return { kind: 'unreadable', reason: `${Math.round(stats.size / 1024)} KiB, too large to preview` };
    const bytes = await readFile(target.value.real);
    if (bytes.includes(0)) return { kind: 'unreadable', reason: 'a binary file' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch (thrown) {
    const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: messageOf(thrown) };
  }
}
