// The timeline overlay's rows: every entry of the active branch with its TURN.K, newest last.
import { formatAddress, type TurnAddress } from '../core/address.js';
import type { BranchView } from '../core/branch.js';
import { editableText } from '../core/edit-overlay.js';
import type { MessageEntry } from '../core/entry.js';
import { sanitizePlain } from '../core/sanitize.js';
import type { LineStyle } from '../core/transcript-view.js';

export type TimelineRow = { readonly text: string; readonly style: LineStyle; readonly address: TurnAddress | undefined };

/** Rows for the picker; row 0 is "rewind 0" (an empty branch). */
export function timelineRows(view: BranchView, agentName: string): TimelineRow[] {
  const rows: TimelineRow[] = [{ text: '[0]      (start: rewind here empties the branch)', style: 'dim', address: { turn: 0 } }];
  for (const item of view.items) {
    if (item.kind === 'marker') {
      const m = item.entry;
      rows.push({ text: `         ⎇ grafted turns ${m.fromTurn}..${m.toTurn} of ${m.sourceName} (${m.count} entries)`, style: 'graft', address: undefined });
      continue;
    }
    const address = { turn: item.turn, k: item.k };
    const label = `[${formatAddress(address)}]`.padEnd(9);
    const edited = item.edited ? ' (edited)' : '';
    rows.push({ text: `${label}${who(item.entry, agentName)}${edited}: ${oneLine(item.entry)}`, style: styleOf(item.entry), address });
  }
  return rows;
}

function who(entry: MessageEntry, agentName: string): string {
  switch (entry.kind) {
    case 'user':
      return entry.origin === 'typed' ? 'you' : entry.origin;
    case 'assistant':
      return agentName;
    case 'interrupted':
      return `${agentName} (interrupted)`;
    case 'tool-result':
      return `tool ${entry.toolName}${entry.isError ? ' error' : ''}`;
  }
}

function oneLine(entry: MessageEntry): string {
  let text = editableText(entry);
  if (entry.kind === 'assistant' || entry.kind === 'interrupted') {
    const calls = entry.blocks.flatMap((b) => (b.type === 'tool_use' ? [`→ ${b.name}`] : []));
    if (calls.length > 0) text = `${text} ${calls.join(' ')}`;
  }
  const plain = sanitizePlain(text).replace(/\s+/g, ' ').trim();
  return plain.length > 120 ? `${plain.slice(0, 119)}…` : plain;
}

function styleOf(entry: MessageEntry): LineStyle {
  switch (entry.kind) {
    case 'user':
      return entry.origin === 'typed' ? 'user' : 'nudge';
    case 'assistant':
      return 'assistant';
    case 'interrupted':
      return 'interrupted';
    case 'tool-result':
      return entry.isError ? 'tool-error' : 'tool-result';
  }
}
