// Where copied text goes: the terminal's clipboard through OSC 52 (when the terminal may take
// it) and always a file, `DIR/clipboard.txt` in the session store (or the temp dir), so the
// text is never lost on a terminal without OSC 52. The status line says which.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, messageOf, ok, type Result } from '../core/result.js';
import { OSC52_MAX_BYTES, osc52Allowed, osc52Sequence } from './copy-mode-text.js';

/** What the clipboard needs of the cockpit: the terminal to write OSC 52 to. */
export type ClipboardTerminal = { writeToTerminal(sequence: string): void };

/** Writes `text` to `DIR/clipboard.txt` (owner-only); returns the path. */
export function saveClipboardFile(dir: string | undefined, text: string): Result<string> {
  const folder = dir ?? tmpdir();
  const path = join(folder, 'clipboard.txt');
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, text, { mode: 0o600 });
    return ok(path);
  } catch (thrown) {
    return err(`${path}: ${messageOf(thrown)}`);
  }
}

/** Copies `text` (`lines` lines) the ways it can; the result is the status line. */
export function copyToClipboard(
  terminal: ClipboardTerminal,
  dir: string | undefined,
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): Result<string> {
  const lines = text === '' ? 0 : text.split('\n').length;
  const what = `copied ${lines} line${lines === 1 ? '' : 's'}`;
  const sequence = osc52Sequence(text);
  const osc = osc52Allowed(env) && sequence.length <= OSC52_MAX_BYTES;
  if (osc) terminal.writeToTerminal(sequence);
  const saved = saveClipboardFile(dir, text);
  if (!saved.ok) return osc ? ok(`${what} (OSC 52; saving a copy failed: ${saved.error})`) : err(`copy failed: ${saved.error}`);
  return ok(osc ? `${what} (OSC 52; also saved to ${saved.value})` : `${what} to ${saved.value}`);
}
