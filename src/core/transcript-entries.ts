// How each kind of entry reads in a pane: number, role label, tags, then content — tool calls
// and results compact, thinking collapsed, untrusted text sanitized.
import type { MarkerItem, MessageItem } from './branch.js';
import type { AssistantBlock } from './entry.js';
import { sanitize, sanitizePlain, type SanitizedRun } from './sanitize.js';
import { BlockBuilder, type Block } from './transcript-rows.js';
import { visibleControls } from './visible-controls.js';
import type { LineStyle } from './transcript-view.js';

const PREVIEW_LINES = 3;
export const SUMMARY_CHARS = 160;

/** `[3]` for the message that opens turn 3, `[3.2]` for later entries. */
export function addressLabel(turn: number, k: number): string {
  return k === 1 && turn > 0 ? `[${turn}]` : `[${turn}.${k}]`;
}

function oneLine(text: string, max = SUMMARY_CHARS): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > max ? `${collapsed.slice(0, max - 1)}…` : collapsed;
}

const tellingKeys = ['path', 'file_path', 'command', 'cmd', 'pattern', 'query', 'url', 'file', 'name'];

/** `read_file src/parser.ts`: a tool call with its most telling input field. */
function toolCallText(name: string, input: Readonly<Record<string, unknown>>): string {
  let detail: string | undefined;
  // grep's telling field is what it searches for, then where.
  const keys = name === 'grep' ? ['pattern', ...tellingKeys] : tellingKeys;
  for (const key of keys) {
    const value = input[key];
    if (typeof value === 'string') {
      detail = value;
      break;
    }
  }
  if (detail !== undefined && name === 'grep' && typeof input.path === 'string' && detail !== input.path) {
    detail = `${detail} in ${input.path}`;
  }
  detail ??= Object.values(input).find((value): value is string => typeof value === 'string');
  detail ??= Object.keys(input).length > 0 ? JSON.stringify(input) : '';
  return toolCallLine(name, detail);
}

/**
 * `→ NAME DETAIL` whole: controls shown, never dropped, and nothing cut or collapsed — this line
 * is what the user approves, so a long command wraps over rows instead (issue 9).
 */
function toolCallLine(name: string, detail: string): string {
  return `→ ${visibleControls(name)} ${visibleControls(detail.trim())}`;
}

/** The telling field of a tool input still streaming as partial JSON (only its start is read). */
export function toolCallFromPartial(name: string, json: string): string {
  const match = /"(path|file_path|command|cmd|pattern|query|url)"\s*:\s*"((?:[^"\\]|\\.)*)/.exec(json.slice(0, 4000));
  let detail = match?.[2] ?? '';
  try {
    const parsed: unknown = JSON.parse(`"${detail}"`);
    if (typeof parsed === 'string') detail = parsed;
  } catch {
    // a cut escape sequence: show the raw characters
  }
  return toolCallLine(name, detail);
}

/** Thinking collapsed to one dimmed line. */
export function thinkingText(text: string): string {
  return oneLine(`✻ thinking: ${sanitizePlain(text.slice(0, 2 * SUMMARY_CHARS))}`);
}

/** Sanitized runs cut at `\n` into lines. */
function splitLines(runs: readonly SanitizedRun[]): SanitizedRun[][] {
  const lines: SanitizedRun[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]?.push({ ...run, text: part });
    });
  }
  return lines;
}

function countLines(content: string): number {
  if (content === '') return 0;
  let count = 1;
  for (let at = content.indexOf('\n'); at >= 0; at = content.indexOf('\n', at + 1)) count += 1;
  return content.endsWith('\n') ? count - 1 : count;
}

/** The first `count` lines of untrusted text, sanitized (reads only a prefix of long text). */
function headLines(content: string, count: number): SanitizedRun[][] {
  let cut = -1;
  for (let n = 0; n < count; n++) {
    cut = content.indexOf('\n', cut + 1);
    if (cut < 0) break;
  }
  const head = cut < 0 ? content.slice(0, 4000) : content.slice(0, Math.min(cut, 4000));
  return splitLines(sanitize(head)).slice(0, count);
}

function addBody(builder: BlockBuilder, raw: string, style: LineStyle): void {
  builder.addRuns(sanitize(raw.replace(/^\s*\n/, '').trimEnd()), style);
}

function addAnswerBlocks(builder: BlockBuilder, blocks: readonly AssistantBlock[], style: LineStyle): void {
  blocks.forEach((block, index) => {
    // Thinking is one row cut at the pane's width; a tool call wraps, so it is never cut.
    if (index > 0 || block.type !== 'text') builder.newline(block.type === 'thinking');
    else builder.add(' ', 'plain');
    switch (block.type) {
      case 'text':
        addBody(builder, block.text, style);
        break;
      case 'thinking':
        builder.add(thinkingText(block.thinking), 'thinking');
        break;
      case 'tool_use':
        builder.add(`  ${toolCallText(block.name, block.input)}`, 'tool-call');
        break;
    }
  });
}

/** Lays out one message entry: number, role label, tags, then its content. */
export function messageBlock(item: MessageItem, agentName: string, blankBefore: boolean): Block {
  const builder = new BlockBuilder();
  const { entry } = item;
  if (blankBefore) builder.newline();
  builder.add(addressLabel(item.turn, item.k), 'turn').add(' ', 'plain');
  const labelStyle: LineStyle =
    entry.kind === 'user'
      ? entry.origin === 'typed'
        ? 'user'
        : 'nudge'
      : entry.kind === 'tool-result'
        ? entry.isError
          ? 'tool-error'
          : 'tool-result'
        : entry.kind;
  const label =
    entry.kind === 'user'
      ? { typed: 'you', nudge: 'nudge ›', broadcast: 'broadcast ›' }[entry.origin]
      : entry.kind === 'tool-result'
        ? 'tool'
        : agentName;
  const graftSource = entry.provenance.kind === 'graft' ? oneLine(sanitizePlain(entry.provenance.sourceName ?? entry.provenance.sourceSession), 40) : undefined;
  // A grafted answer is the source's words, not this agent's: it is labelled by its source alone (B15).
  const answer = entry.kind === 'assistant' || entry.kind === 'interrupted';
  if (graftSource !== undefined && answer) builder.add(`⎇ ${graftSource}`, 'graft');
  else builder.add(label, labelStyle);
  if (item.edited) builder.add(' (edited)', 'dim');
  if (graftSource !== undefined && !answer) builder.add(` ⎇ ${graftSource}`, 'graft');
  switch (entry.kind) {
    case 'user':
      builder.add(' ', 'plain');
      addBody(builder, entry.text, labelStyle);
      break;
    case 'assistant':
      addAnswerBlocks(builder, entry.blocks, 'assistant');
      break;
    case 'interrupted': {
      addAnswerBlocks(builder, entry.blocks, 'interrupted');
      if (entry.blocks.length > 0) builder.newline();
      else builder.add(' ', 'plain');
      const reason = oneLine(sanitizePlain(entry.reason), 60);
      builder.add(interruptedLabel(reason), 'interrupted');
      break;
    }
    case 'tool-result':
      builder.add(' ', 'plain');
      addToolResult(builder, entry.content, entry.isError);
      break;
  }
  return builder.build();
}

function addToolResult(builder: BlockBuilder, content: string, isError: boolean): void {
  const head = headLines(content, PREVIEW_LINES + 1);
  let preview = head;
  if (isError) {
    const first = (head[0] ?? []).map((run) => run.text).join('');
    builder.add(`← error: ${oneLine(first)}`, 'tool-error');
    preview = head.slice(1);
  } else {
    const count = countLines(content);
    builder.add(count === 0 ? '← empty' : `← ${count} ${count === 1 ? 'line' : 'lines'}`, 'tool-result');
  }
  for (const line of preview.slice(0, PREVIEW_LINES)) {
    builder.newline(true).add('  │ ', 'dim').addRuns(line, 'dim');
  }
}

/** `⎇ grafted turns 1..2 from alpha (6 entries)`: where grafted copies begin. */
export function markerBlock(item: MarkerItem): Block {
  const { fromTurn, toTurn, count, sourceName } = item.entry;
  const turns = fromTurn === toTurn ? `turn ${fromTurn}` : `turns ${fromTurn}..${toTurn}`;
  const source = oneLine(sanitizePlain(sourceName), 40);
  const text = `⎇ grafted ${turns} from ${source} (${count} ${count === 1 ? 'entry' : 'entries'})`;
  return new BlockBuilder().add(text, 'graft').build();
}

// The journal keeps the runner's reason (the model reads it); the person reads who stopped it.
function interruptedLabel(reason: string): string {
  if (reason === '') return '⏹ interrupted';
  if (reason === 'interrupted by the user') return '⏹ interrupted by you';
  if (reason === 'quit') return '⏹ interrupted when agentmux quit';
  return `⏹ interrupted (${reason})`;
}

/** A load error or retry notice, shown among the entries. */
export function noticeBlock(text: string, isError: boolean): Block {
  return new BlockBuilder()
    .add(isError ? '! ' : '· ', isError ? 'error' : 'notice')
    .addRuns(sanitize(text), isError ? 'error' : 'notice')
    .build();
}
