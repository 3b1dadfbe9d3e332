// The terminal title comes from the layout's `name`, which a shared or committed layout file
// controls: it is drawn like any untrusted text, its controls visible (issue 9, item 9), so no
// escape sequence (clipboard write, screen clear, C1) ever reaches the terminal through it.
import { visibleControls } from './visible-controls.js';

/** Longest layout name kept in the title; terminals cut titles anyway. */
const MAX_TITLE_NAME = 80;

/** `agentmux — NAME`, the name on one line with every control drawn visibly. */
export function terminalTitle(layoutName: string): string {
  const name = visibleControls(layoutName);
  const chars = [...name];
  const shown = chars.length > MAX_TITLE_NAME ? `${chars.slice(0, MAX_TITLE_NAME - 1).join('')}…` : name;
  return `agentmux — ${shown}`;
}
