// Runs $VISUAL/$EDITOR on a file with the screen suspended, the way `git commit` does:
// normal buffer, cursor shown, cooked mode, editor on the real terminal; then a full redraw.
import { spawn } from 'node:child_process';
import type blessed from 'blessed';
import { err, ok, type Result } from '../core/result.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './paste-input.js';

/**
 * The argv that runs an editor command on `file`. A plain command (`code -w`) is split on
 * spaces; one with quotes, escapes or `$` goes through `sh -c` as git does, so
 * `EDITOR="'/opt/My Editor/ed' --wait"` works.
 */
export function editorArgv(command: string, file: string): string[] {
  if (/["'\\$`]/.test(command)) return ['sh', '-c', `${command} "$@"`, 'editor', file];
  return [...command.split(' ').filter((part) => part !== ''), file];
}

/**
 * Suspends the screen, waits for the editor to exit, restores the screen; errors as values.
 * `onStart` gets the editor's pid, so that a shutdown can end an editor still open.
 */
export async function runExternalEditor(
  screen: blessed.Widgets.Screen,
  command: string,
  file: string,
  onStart?: (pid: number) => void,
): Promise<Result<void, string>> {
  if (command.trim() === '') return err('no editor: set $VISUAL or $EDITOR');
  const [editor, ...args] = editorArgv(command, file);
  if (editor === undefined) return err('no editor: set $VISUAL or $EDITOR');
  const program = screen.program;
  // pause() leaves the alternate buffer, shows the cursor, sets cooked mode and then mutes
  // output.write so no frame lands on the editor. Its own sequences must go out before the
  // mute, so they are written unbuffered.
  program.flush();
  program.useBuffer = false;
  // The editor gets a terminal as it was before agentmux (it turns bracketed paste on itself if it wants it).
  program.write(BRACKETED_PASTE_OFF);
  program.pause();
  program.useBuffer = true;
  try {
    return await new Promise<Result<void, string>>((resolve) => {
      const child = spawn(editor, args, { stdio: 'inherit' });
      if (child.pid !== undefined) onStart?.(child.pid);
      child.once('error', (error) => resolve(err(`${editor}: ${error.message}`)));
      child.once('close', (code, signal) => {
        if (code === 0) resolve(ok(undefined));
        else resolve(err(`${editor} exited with ${signal ?? `status ${code ?? '?'}`}`));
      });
    });
  } finally {
    program.resume();
    program.write(BRACKETED_PASTE_ON);
    screen.alloc();
    screen.render();
  }
}
