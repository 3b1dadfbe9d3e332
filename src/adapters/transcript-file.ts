// Reads a transcript file for `graft SOURCE` (DESIGN.md §5): an agentmux journal (our JSONL, e.g.
// a copied journal file) or a Claude Code session JSONL (~/.claude/projects/*/*.jsonl). Lines it
// does not understand are skipped and counted, never guessed at.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { AssistantBlock } from '../core/entry.js';
import { SessionHeader, type JournalRecord } from '../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../core/result.js';
import type { ImportedMessage, TranscriptFile, TranscriptReader } from '../core/transcript-import.js';
import { BlobStore } from './store/blob-store.js';
import { decodeJournalLine } from './store/journal-line.js';

/** Files larger than this are refused rather than read whole into memory. */
const maxBytes = 64 * 1024 * 1024;

const TextPart = z.object({ type: z.literal('text'), text: z.string() });
const ToolUsePart = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
const ThinkingPart = z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string().default('') });
const ToolResultPart = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() }))]).default(''),
  is_error: z.boolean().optional(),
});

const ClaudeUserLine = z.object({
  type: z.literal('user'),
  isSidechain: z.boolean().optional(),
  message: z.object({
    role: z.literal('user'),
    content: z.union([z.string(), z.array(z.discriminatedUnion('type', [TextPart, ToolResultPart]))]),
  }),
});
const ClaudeAssistantLine = z.object({
  type: z.literal('assistant'),
  isSidechain: z.boolean().optional(),
  message: z.object({
    role: z.literal('assistant'),
    model: z.string().optional(),
    content: z.array(z.discriminatedUnion('type', [TextPart, ToolUsePart, ThinkingPart])),
  }),
});
const ClaudeLine = z.discriminatedUnion('type', [ClaudeUserLine, ClaudeAssistantLine]);
type ClaudeLine = z.infer<typeof ClaudeLine>;

/** Implements the TranscriptReader port over the file system. */
export class TranscriptFileReader implements TranscriptReader {
  /** `cwd` resolves relative paths (the directory agentmux was started in). */
  constructor(private readonly cwd: string) {}

  read(file: string): Result<TranscriptFile | undefined> {
    const full = path.resolve(this.cwd, file.startsWith('~/') ? path.join(process.env.HOME ?? '~', file.slice(2)) : file);
    let text: string;
    try {
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat === undefined) return ok(undefined);
      if (!stat.isFile()) return err(`${file}: not a file`);
      if (stat.size > maxBytes) return err(`${file}: too large (${stat.size} bytes; at most ${maxBytes})`);
      text = fs.readFileSync(full, 'utf8');
    } catch (thrown) {
      return err(`${file}: ${messageOf(thrown)}`);
    }
    return parseTranscript(text, path.basename(full), new BlobStore(path.join(path.dirname(full), '..', 'blobs')));
  }
}

/** Parses a transcript's text: a first line that is a session header makes it an agentmux journal. */
export function parseTranscript(text: string, name: string, blobs: BlobStore): Result<TranscriptFile> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const jsons = lines.map(parseJson);
  const header = SessionHeader.safeParse(jsons[0]);
  if (header.success) return ok(journalTranscript(header.data, jsons.slice(1), name, blobs));
  const messages: ImportedMessage[] = [];
  const toolNames = new Map<string, string>();
  let skipped = 0;
  for (const json of jsons) {
    const line = ClaudeLine.safeParse(json);
    if (!line.success || line.data.isSidechain === true) {
      skipped += 1;
      continue;
    }
    const converted = claudeMessages(line.data, toolNames);
    if (converted.length === 0) skipped += 1;
    messages.push(...converted);
  }
  if (messages.length === 0) {
    return err(`${name}: no messages found (${lines.length} lines; expected an agentmux journal or a Claude Code session JSONL)`);
  }
  return ok({ format: 'claude-code', name, messages, skipped });
}

function journalTranscript(header: SessionHeader, jsons: readonly unknown[], name: string, blobs: BlobStore): TranscriptFile {
  const records: JournalRecord[] = [];
  let skipped = 0;
  for (const json of jsons) {
    const decoded = json === undefined ? undefined : decodeJournalLine(json, blobs);
    if (decoded?.ok === true) records.push(decoded.value);
    else skipped += 1;
  }
  return { format: 'agentmux', name, header, records, skipped };
}

/** One Claude Code line as our messages: tool results first, then any text of the same message. */
function claudeMessages(line: ClaudeLine, toolNames: Map<string, string>): ImportedMessage[] {
  if (line.type === 'assistant') {
    const blocks: AssistantBlock[] = [];
    for (const part of line.message.content) {
      if (part.type === 'text') {
        if (part.text !== '') blocks.push({ type: 'text', text: part.text });
      } else if (part.type === 'tool_use') {
        toolNames.set(part.id, part.name);
        blocks.push({ type: 'tool_use', id: part.id, name: part.name, input: part.input });
      } else {
        blocks.push({ type: 'thinking', thinking: part.thinking, signature: part.signature });
      }
    }
    return blocks.length === 0 ? [] : [{ role: 'assistant', model: line.message.model ?? 'claude-code', blocks }];
  }
  const content = line.message.content;
  if (typeof content === 'string') return content.trim() === '' ? [] : [{ role: 'user', text: content, opensTurn: true }];
  const out: ImportedMessage[] = [];
  const texts: string[] = [];
  for (const part of content) {
    if (part.type === 'text') {
      if (part.text.trim() !== '') texts.push(part.text);
      continue;
    }
    const result = typeof part.content === 'string' ? part.content : part.content.flatMap((c) => (c.text === undefined ? [] : [c.text])).join('\n');
    out.push({
      role: 'tool-result',
      toolUseId: part.tool_use_id,
      toolName: toolNames.get(part.tool_use_id) ?? 'tool',
      content: result,
      isError: part.is_error === true,
    });
  }
  // Text after tool results joins the running turn; text alone starts a turn (DESIGN.md §3).
  if (texts.length > 0) out.push({ role: 'user', text: texts.join('\n\n'), opensTurn: out.length === 0 });
  return out;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
