// The conversation model of DESIGN.md §3: one session is an append-only tree of entries.
// Schemas and inferred types live side by side; journals are parsed with these schemas.
import * as z from 'zod';

export const EntryId = z.string().min(1);
export type EntryId = z.infer<typeof EntryId>;

export const Usage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative().default(0),
  cacheWriteTokens: z.number().int().nonnegative().default(0),
});
export type Usage = z.infer<typeof Usage>;

export const TextBlock = z.object({ type: z.literal('text'), text: z.string() });
export type TextBlock = z.infer<typeof TextBlock>;

export const ToolUseBlock = z.object({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
export type ToolUseBlock = z.infer<typeof ToolUseBlock>;

export const ThinkingBlock = z.object({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string(),
});
export type ThinkingBlock = z.infer<typeof ThinkingBlock>;

export const AssistantBlock = z.discriminatedUnion('type', [TextBlock, ToolUseBlock, ThinkingBlock]);
export type AssistantBlock = z.infer<typeof AssistantBlock>;

/** Where an entry came from: typed here, copied by graft or fork (with the original's address). */
export const Provenance = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({
    kind: z.literal('graft'),
    sourceSession: z.string(),
    sourceEntry: EntryId,
    sourceName: z.string().optional(),
  }),
  z.object({ kind: z.literal('fork'), sourceSession: z.string(), sourceEntry: EntryId }),
]);
export type Provenance = z.infer<typeof Provenance>;

/** How a user-role message came to be; nudges and broadcasts may carry a visible marker. */
export const MessageOrigin = z.enum(['typed', 'nudge', 'broadcast']);
export type MessageOrigin = z.infer<typeof MessageOrigin>;

const common = {
  id: EntryId,
  parent: EntryId.nullable(),
  at: z.number(), // epoch ms when committed
  provenance: Provenance.default({ kind: 'local' }),
};

/** A person's message (typed, nudge or broadcast). `opensTurn` is true when it started work from idle. */
export const UserEntry = z.object({
  ...common,
  kind: z.literal('user'),
  origin: MessageOrigin,
  opensTurn: z.boolean(),
  text: z.string(),
});
export type UserEntry = z.infer<typeof UserEntry>;

/** A complete model answer. */
export const AssistantEntry = z.object({
  ...common,
  kind: z.literal('assistant'),
  model: z.string(),
  blocks: z.array(AssistantBlock),
  stopReason: z.string().nullable(),
  usage: Usage,
});
export type AssistantEntry = z.infer<typeof AssistantEntry>;

/** What had arrived of an answer when the stream was aborted; never ends a request. */
export const InterruptedEntry = z.object({
  ...common,
  kind: z.literal('interrupted'),
  model: z.string(),
  blocks: z.array(AssistantBlock),
  usage: Usage,
  reason: z.string(),
});
export type InterruptedEntry = z.infer<typeof InterruptedEntry>;

/**
 * One version of a workspace file, kept as a content-addressed blob (sha256 of its bytes).
 * `mode` holds the permission bits (absent in journals written before it was recorded: then
 * unknown); `link` marks a symlink, whose blob is its target text; `withheld` one whose bytes
 * held a secret and so have no blob.
 */
export const FileVersion = z.object({
  sha256: z.string().min(1),
  size: z.number().int().nonnegative(),
  mode: z.number().int().min(0).max(0o7777).optional(),
  link: z.literal(true).optional(),
  /** Its bytes held an API key: never written to the store, so this version cannot be restored. */
  withheld: z.literal(true).optional(),
});
export type FileVersion = z.infer<typeof FileVersion>;

/**
 * What one tool call did to one file (path relative to the agent's cwd): its version before
 * and after; `null` means the file did not exist. Rewind restores `before` of the earliest
 * change it takes off the branch.
 */
export const FileChange = z.object({
  path: z.string().min(1),
  before: FileVersion.nullable(),
  after: FileVersion.nullable(),
});
export type FileChange = z.infer<typeof FileChange>;

/** The result of one tool call, answering the tool_use with id `toolUseId`. */
export const ToolResultEntry = z.object({
  ...common,
  kind: z.literal('tool-result'),
  toolUseId: z.string().min(1),
  toolName: z.string(),
  content: z.string(),
  isError: z.boolean(),
  /** The whole output when `content` was cut for the model (never sent to the model). */
  fullOutput: z.string().optional(),
  /** Files the call changed (file checkpoints, DESIGN.md §4). */
  files: z.array(FileChange).optional(),
});
export type ToolResultEntry = z.infer<typeof ToolResultEntry>;

/** Marks the start of a run of grafted copies; not sent to the model. */
export const GraftMarkerEntry = z.object({
  ...common,
  kind: z.literal('graft-marker'),
  sourceSession: z.string(),
  sourceName: z.string(),
  fromTurn: z.number().int().nonnegative(),
  toTurn: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});
export type GraftMarkerEntry = z.infer<typeof GraftMarkerEntry>;

/** Replacement content for an edited entry, by the kind of entry it replaces. */
export const EditReplacement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('tool-result'), content: z.string(), isError: z.boolean() }),
]);
export type EditReplacement = z.infer<typeof EditReplacement>;

/**
 * "On this branch, `target` reads as `replacement`": one record whatever the session length.
 * It sits at the tip of the branch it creates; entries appended after it keep the edit.
 */
export const EditEntry = z.object({
  ...common,
  kind: z.literal('edit'),
  target: EntryId,
  replacement: EditReplacement,
});
export type EditEntry = z.infer<typeof EditEntry>;

export const Entry = z.discriminatedUnion('kind', [
  UserEntry,
  AssistantEntry,
  InterruptedEntry,
  ToolResultEntry,
  GraftMarkerEntry,
  EditEntry,
]);
export type Entry = z.infer<typeof Entry>;
export type EntryKind = Entry['kind'];

/** Entries that become part of a request (markers and edit records do not). */
export type MessageEntry = UserEntry | AssistantEntry | InterruptedEntry | ToolResultEntry;

/** True for entries that carry conversation content rather than bookkeeping. */
export function isMessageEntry(entry: Entry): entry is MessageEntry {
  return (
    entry.kind === 'user' ||
    entry.kind === 'assistant' ||
    entry.kind === 'interrupted' ||
    entry.kind === 'tool-result'
  );
}
