// One width table for every emulator agentmux runs: xterm.js's Unicode 11 table, the one the
// cockpit's own text widths follow (core/text-width.ts, checked cell by cell against it in
// test/view/xterm-widths.test.ts). A PTY pane's emulator on xterm's default (Unicode 6) table put
// ✅ in one cell and the cockpit drew it in two, shifting the rest of the row.
import unicode11 from '@xterm/addon-unicode11';
import type xterm from '@xterm/headless';

const { Unicode11Addon } = unicode11;

/** Makes `terminal` count cells with the Unicode 11 table (the terminal needs `allowProposedApi`). */
export function useUnicode11Widths(terminal: InstanceType<typeof xterm.Terminal>): void {
  terminal.loadAddon(new Unicode11Addon());
  terminal.unicode.activeVersion = '11';
}
