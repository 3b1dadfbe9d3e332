// How an edit record changes the entry it targets ("on this branch, X reads as Y").
import type { AssistantBlock, EditReplacement, MessageEntry } from './entry.js';

/**
 * The entry as it reads under `replacement`. Text replaces a user message's text, an answer's
 * text blocks (its tool calls stay, so the tool round that followed stays valid; thinking is
 * dropped) or a tool result's content; a tool-result replacement also sets `isError`.
 */
export function applyEdit(entry: MessageEntry, replacement: EditReplacement): MessageEntry {
  const text = replacement.kind === 'text' ? replacement.text : replacement.content;
  switch (entry.kind) {
    case 'user':
      return { ...entry, text };
    case 'assistant':
    case 'interrupted':
      return { ...entry, blocks: replaceText(entry.blocks, text) };
    case 'tool-result':
      return replacement.kind === 'tool-result'
        ? { ...entry, content: replacement.content, isError: replacement.isError }
        : { ...entry, content: text };
  }
}

/** The text a person edits for an entry (what `edit N.K` opens in the editor). */
export function editableText(entry: MessageEntry): string {
  switch (entry.kind) {
    case 'user':
      return entry.text;
    case 'assistant':
    case 'interrupted':
      return entry.blocks
        .flatMap((block) => (block.type === 'text' ? [block.text] : []))
        .join('\n\n');
    case 'tool-result':
      return entry.content;
  }
}

/** The replacement record that makes `entry` read as `text` (tool results keep their error flag). */
export function replacementFor(entry: MessageEntry, text: string): EditReplacement {
  return entry.kind === 'tool-result'
    ? { kind: 'tool-result', content: text, isError: entry.isError }
    : { kind: 'text', text };
}

function replaceText(blocks: readonly AssistantBlock[], text: string): AssistantBlock[] {
  const toolUses = blocks.filter((block) => block.type === 'tool_use');
  const replaced: AssistantBlock[] = text.trim() === '' ? [] : [{ type: 'text', text }];
  return [...replaced, ...toolUses];
}
