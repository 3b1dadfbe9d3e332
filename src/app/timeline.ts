// The timeline overlay's rows: every entry of the active branch with its TURN.K, newest last,
// and under each fork point the side branches that leave it (issue 5: the branch tree).
import { formatAddress, type TurnAddress } from '../core/address.js';
import type { BranchView } from '../core/branch.js';
import type { BranchTree, SideBranch } from '../core/branch-tree.js';
import { editableText } from '../core/edit-overlay.js';
import type { MessageEntry } from '../core/entry.js';
import { sanitizePlain } from '../core/sanitize.js';
import type { LineStyle } from '../core/transcript-view.js';

/** What acting on a row names: an entry of the active branch, a side branch, or nothing (a graft marker). */
export type RowTarget =
  | { readonly kind: 'entry'; readonly address: TurnAddress }
  | { readonly kind: 'branch'; readonly number: number; readonly tip: string }
  | { readonly kind: 'none' };

export type TimelineRow = { readonly text: string; readonly style: LineStyle; readonly target: RowTarget };

/** The rows, and which one is the head (the picker starts there). */
export type Timeline = { readonly rows: readonly TimelineRow[]; readonly headRow: number };

const INDENT = ' '.repeat(9);

/**
 * Rows for the picker; row 0 is "rewind 0" (an empty branch). Built once per opening: one pass
 * over the branch's items, the side branches merged in at their fork points.
 */
export function timelineRows(view: BranchView, branches: BranchTree, agentName: string): Timeline {
  const rows: TimelineRow[] = [
    { text: '[0]      (start: rewind here empties the branch)', style: 'dim', target: { kind: 'entry', address: { turn: 0 } } },
  ];
  const side = branches.branches;
  let nextBranch = 0;
  const flushBranches = (upTo: number): void => {
    for (let branch = side[nextBranch]; branch !== undefined && branch.forkIndex < upTo; branch = side[++nextBranch]) {
      const following = side[nextBranch + 1];
      const last = following?.forkIndex !== branch.forkIndex;
      rows.push(branchRow(branch, last));
    }
  };
  let headRow = 0;
  for (const item of view.items) {
    flushBranches(item.pathIndex);
    if (item.kind === 'marker') {
      const m = item.entry;
      rows.push({ text: `${INDENT}⎇ grafted turns ${m.fromTurn}..${m.toTurn} of ${m.sourceName} (${m.count} entries)`, style: 'graft', target: { kind: 'none' } });
      headRow = rows.length - 1;
      continue;
    }
    const address = { turn: item.turn, k: item.k };
    const label = `[${formatAddress(address)}]`.padEnd(9);
    const edited = item.edited ? ' (edited)' : '';
    rows.push({ text: `${label}${who(item.entry, agentName)}${edited}: ${oneLine(item.entry)}`, style: styleOf(item.entry), target: { kind: 'entry', address } });
    headRow = rows.length - 1;
  }
  flushBranches(Number.POSITIVE_INFINITY);
  return { rows, headRow };
}

/** "├─ ⎇ 2: 3 turns, left by rewind 14:02 — 'add tests' … 'done'". */
export function branchSummary(branch: SideBranch): string {
  const held =
    branch.turns > 0
      ? `${branch.turns} ${branch.turns === 1 ? 'turn' : 'turns'}`
      : `${branch.entries} ${branch.entries === 1 ? 'entry' : 'entries'}`;
  const texts = [branch.firstUser, branch.lastAssistant].flatMap((t) => (t === undefined || t === '' ? [] : [`'${t}'`]));
  const said = texts.length === 0 ? '' : ` — ${texts.join(' … ')}`;
  return `⎇ ${branch.number}: ${held}, ${originText(branch)} ${clock(branch.at)}${said}`;
}

function branchRow(branch: SideBranch, last: boolean): TimelineRow {
  const indent = INDENT + '   '.repeat(branch.depth);
  return {
    text: `${indent}${last ? '└─' : '├─'} ${branchSummary(branch)}`,
    style: 'dim',
    target: { kind: 'branch', number: branch.number, tip: branch.tip },
  };
}

function originText(branch: SideBranch): string {
  const origin = branch.origin;
  switch (origin.kind) {
    case 'rewind':
      return 'left by rewind';
    case 'edit': {
      const where = origin.targetAddress === undefined ? '' : ` of ${formatAddress(origin.targetAddress)}`;
      return `left by an edit${where} ('${origin.text}')`;
    }
    case 'graft': {
      const turns = origin.fromTurn === origin.toTurn ? `${origin.fromTurn}` : `${origin.fromTurn}..${origin.toTurn}`;
      return `grafted ${turns} from ${origin.sourceName}`;
    }
  }
}

/** HH:MM, local time: when the branch's tip was written. */
function clock(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
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
