// Small text formats shared by pane titles and the status bar.
import type { AgentState } from '../core/agent-state.js';

/** SGR parameters per agent state, so a state reads the same colour everywhere. */
export const STATE_SGR: Readonly<Record<AgentState, string>> = {
  idle: '37',
  requesting: '36',
  streaming: '92',
  tool: '95',
  'awaiting-approval': '93;1',
  paused: '94',
  retrying: '33',
  error: '91;1',
  'over-budget': '91',
  loading: '2',
};

/** Wraps text in a state's colour (reset after). */
export function colourState(state: AgentState, text: string): string {
  return `\x1b[${STATE_SGR[state]}m${text}\x1b[0m`;
}

/** A token count in at most five characters: 999, 12.3k, 4.1M. */
export function formatCount(count: number): string {
  const n = Math.max(0, Math.round(count));
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${trimZero((n / 1000).toFixed(n < 100_000 ? 1 : 0))}k`;
  return `${trimZero((n / 1_000_000).toFixed(1))}M`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** "12.3k↑ 4.1k↓": tokens sent up to the model and received down from it. */
export function formatTokens(tokensIn: number, tokensOut: number): string {
  return `${formatCount(tokensIn)}↑ ${formatCount(tokensOut)}↓`;
}
