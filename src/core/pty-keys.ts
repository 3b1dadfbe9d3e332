// Keys typed into an attached PTY pane go to the child as bytes, but the real terminal's arrow
// keys come in whichever cursor-key mode agentmux's screen set; the child expects its own mode.

const ESC = String.fromCharCode(0x1b);
const NORMAL_TO_APPLICATION = new RegExp(`${ESC}\\[([ABCDHF])`, 'g');
const APPLICATION_TO_NORMAL = new RegExp(`${ESC}O([ABCDHF])`, 'g');

/** Rewrites arrow (and Home/End) sequences into the cursor-key mode the child asked for. */
export function translateCursorKeys(data: string, applicationCursorKeys: boolean): string {
  return applicationCursorKeys ? data.replace(NORMAL_TO_APPLICATION, '\x1bO$1') : data.replace(APPLICATION_TO_NORMAL, '\x1b[$1');
}

/** Ctrl-Q: detaches from a PTY pane (never sent to the child). */
export const DETACH_KEY = '\x11';
