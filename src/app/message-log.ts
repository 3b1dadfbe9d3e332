// The message log (`show-messages`, tmux's name): every status line the cockpit showed, in
// full and with its time, since the status bar cuts long ones and each replaces the last (B8).
import type { StatusMessage } from './cockpit-model.js';

/** Lines kept; older ones go first. */
const LOG_LIMIT = 1000;

type Logged = { readonly at: Date; readonly message: StatusMessage };

/** The status lines shown so far, oldest first. */
export class MessageLog {
  private readonly entries: Logged[] = [];
  private last: StatusMessage | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Called with the status message of every frame: a message not seen before is logged once. */
  note(message: StatusMessage | undefined): void {
    if (message === undefined || message === this.last) return;
    this.last = message;
    this.entries.push({ at: this.now(), message });
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT);
  }

  /** One line per message, `HH:MM:SS text` (`error:` before an error), oldest first. */
  lines(): string[] {
    return this.entries.map(({ at, message }) => `${at.toTimeString().slice(0, 8)} ${message.isError ? 'error: ' : ''}${message.text}`);
  }
}
