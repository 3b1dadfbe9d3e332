// What an overlay key's command did (`timeline-do rewind`, `session-browser-do open`,
// `file-conflicts-answer o`…): the overlay action runs a command line, applies a flow's outcome or
// shows a refusal, and the `*-do` command must answer with that inner result — so `agentmux ctl`
// exits 1 when the inner command refused, exactly as the direct command would — instead of an
// empty ok. The app records every result it shows while an action runs; the action's command
// returns the one that counts, and the caller does not show it a second time.
import type { CommandOutcome } from '../core/command.js';

/** Records the results shown while overlay actions run; one per cockpit. */
export class InnerResults {
  private recording: CommandOutcome[] | undefined;
  private lastShown: CommandOutcome | undefined;

  /**
   * Runs an overlay action and returns what it showed: its first error (a refusal wins over what
   * came before it), else its last result; undefined when it only moved or redrew.
   */
  during(act: () => void): CommandOutcome | undefined {
    const outer = this.recording;
    const mine: CommandOutcome[] = [];
    this.recording = mine;
    try {
      act();
    } finally {
      this.recording = outer === undefined ? undefined : outer;
    }
    const chosen = mine.find((outcome) => outcome.kind === 'error') ?? mine.at(-1);
    if (chosen === undefined) return undefined;
    // The outer action (if any) sees it too; whoever applies the command's result must not show it again.
    outer?.push(chosen);
    this.lastShown = chosen;
    return chosen;
  }

  /** A result the person was shown (status bar, an overlay's bottom line, an editor opened). */
  record(outcome: CommandOutcome): void {
    // An overlay key's quiet ok says nothing: it is not what the action did.
    if (outcome.kind === 'ok' && outcome.message === '' && outcome.value === null) return;
    this.recording?.push(outcome);
  }

  /** A new command line is dispatched: what an earlier one showed no longer matters. */
  forget(): void {
    this.lastShown = undefined;
  }

  /**
   * True (once) when `result` is the inner result the last overlay action already showed — the
   * `*-do` command answers with it, and applying it again would open a second pager or editor.
   */
  alreadyShown(result: CommandOutcome): boolean {
    const shown = this.lastShown;
    this.lastShown = undefined;
    if (shown === undefined || shown.kind !== result.kind) return false;
    if (shown.kind === 'open-editor' && result.kind === 'open-editor') return shown.agent === result.agent && shown.text === result.text;
    if (shown.kind === 'ok' && result.kind === 'ok') return shown.message === result.message && shown.value === result.value;
    return shown.kind === 'error' && result.kind === 'error' && shown.message === result.message;
  }
}
