// How many colours to draw with. blessed 0.1.81 cannot read ncurses 6 terminfo files (the
// "32-bit" format tmux-256color and screen-256color ship in), falls back to 8-colour xterm and
// then reduces grey (colour 8) to black: every dim element vanishes on a dark theme (B1).
// What the terminal's name and COLORTERM promise is believed over what blessed managed to read.

export type ColorDepth = 16 | 256;

/** The colour depth to draw with, from the environment and what blessed read from terminfo. */
export function colorDepth(env: NodeJS.ProcessEnv, terminfoColors: number | undefined): ColorDepth {
  const term = (env['TERM'] ?? '').toLowerCase();
  const colorterm = (env['COLORTERM'] ?? '').trim();
  if (/-256colou?r$/.test(term) || /-direct$/.test(term) || colorterm !== '') return 256;
  if (terminfoColors !== undefined && terminfoColors >= 256) return 256;
  // Never fewer than 16: an 8-colour reduction turns grey into black, while a terminal that
  // does not know the bright colours (SGR 90–97) ignores them and draws the default colour.
  return 16;
}
