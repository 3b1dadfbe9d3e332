// The flags `rewind` and `undo` share for file checkpoints: which side a rewind moves, and what
// to do with files changed since by someone else (DESIGN.md §3, issue 4).
import type { OptionSpec } from './command.js';
import type { FileConflictMode } from './file-checkpoint.js';
import type { RewindScope } from './history-files.js';
import { err, ok, type Result } from './result.js';

/** `--overwrite`: restore files changed since by someone else too. */
export const overwriteOption: OptionSpec = { kind: 'flag', flag: '--overwrite', key: 'overwrite' };
/** `--keep-changed`: restore the other files and leave the changed ones as they are. */
export const keepChangedOption: OptionSpec = { kind: 'flag', flag: '--keep-changed', key: 'keepChanged' };
/** `--conversation-only`: move the head, leave the files. */
export const conversationOnlyOption: OptionSpec = { kind: 'flag', flag: '--conversation-only', key: 'conversationOnly' };
/** `--files-only`: restore the files, leave the head. */
export const filesOnlyOption: OptionSpec = { kind: 'flag', flag: '--files-only', key: 'filesOnly' };

/** The conflict mode the flags ask for; both at once is a mistake worth naming. */
export function conflictModeOf(flags: { readonly overwrite: boolean; readonly keepChanged: boolean }): Result<FileConflictMode> {
  if (flags.overwrite && flags.keepChanged) return err('--overwrite and --keep-changed exclude each other');
  if (flags.overwrite) return ok('overwrite');
  return ok(flags.keepChanged ? 'keep' : 'refuse');
}

/** The rewind scope the flags ask for. */
export function rewindScopeOf(flags: { readonly conversationOnly: boolean; readonly filesOnly: boolean }): Result<RewindScope> {
  if (flags.conversationOnly && flags.filesOnly) return err('--conversation-only and --files-only exclude each other');
  if (flags.conversationOnly) return ok('conversation');
  return ok(flags.filesOnly ? 'files' : 'both');
}
