// The demo script's reading of a request: which turn it is in, what opened that turn, which
// nudges joined it, and every tool call of the conversation paired with its result.
import { blocksOf, type MessagesRequestBody, type RequestBlock, type RequestMessage } from './request-schema.js';

/** One tool call of the conversation with its result. */
export type ToolRecord = {
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly ok: boolean;
  /** The result text ('' when the call got no result). */
  readonly content: string;
  /** The turn it belongs to (0 = the first) and its round within that turn (1 = the first). */
  readonly turn: number;
  readonly round: number;
};

/** A nudge that joined the current turn after tool round `afterRound`. */
export type JoinedNudge = { readonly text: string; readonly afterRound: number };

export type Conversation = {
  readonly system: string;
  /** The text of the first user message: the agent's task. */
  readonly task: string;
  /** 0 for the first turn, 1 for the next… */
  readonly turn: number;
  /** The text that opened the current turn. */
  readonly opening: string;
  /** Tool rounds already done in the current turn. */
  readonly rounds: number;
  readonly nudges: readonly JoinedNudge[];
  /** Everything the person said after the task, in order (nudges, later turns' messages, texts that joined the first message). */
  readonly notes: readonly string[];
  readonly records: readonly ToolRecord[];
  /** Varies wording between agents whose conversations start alike (the first tool id is random). */
  readonly salt: string;
};

/** Reads the parts of a request the demo script reasons about. */
export function readConversation(body: MessagesRequestBody): Conversation {
  const messages = body.messages;
  const records: ToolRecord[] = [];
  const nudges: JoinedNudge[] = [];
  const notes: string[] = [];
  let turn = -1;
  let opening = '';
  let rounds = 0;
  let salt = '';
  for (const [index, message] of messages.entries()) {
    const blocks = blocksOf(message);
    if (message.role === 'assistant') {
      const uses = blocks.flatMap((block) => (block.type === 'tool_use' ? [block] : []));
      if (uses.length === 0) continue;
      rounds += 1;
      const results = resultsIn(messages[index + 1]);
      for (const use of uses) {
        if (salt === '') salt = use.id;
        const result = results.get(use.id);
        records.push({
          name: use.name,
          input: use.input,
          ok: result !== undefined && result.is_error !== true,
          content: result === undefined ? '' : resultText(result.content),
          turn: Math.max(turn, 0),
          round: rounds,
        });
      }
      continue;
    }
    const text = userText(blocks);
    if (index === 0) notes.push(...userTexts(blocks).slice(1));
    else if (text !== '') notes.push(text);
    if (blocks.some((block) => block.type === 'tool_result')) {
      if (text !== '') nudges.push({ text, afterRound: rounds });
      continue;
    }
    turn += 1;
    opening = text;
    rounds = 0;
    nudges.length = 0;
  }
  const first = messages[0];
  return {
    system: systemText(body),
    task: first === undefined ? '' : userText(blocksOf(first)),
    turn: Math.max(turn, 0),
    opening,
    rounds,
    nudges: [...nudges],
    notes,
    records,
    salt,
  };
}

/** The records of the current turn's round `round`. */
export function roundRecords(conversation: Conversation, round: number): ToolRecord[] {
  return conversation.records.filter((record) => record.turn === conversation.turn && record.round === round);
}

/** Tool-call keys already made in the current turn, so a plan never repeats a call. */
export function callsThisTurn(conversation: Conversation): Set<string> {
  return new Set(conversation.records.filter((record) => record.turn === conversation.turn).map((record) => callKey(record.name, record.input)));
}

/** A stable key for a call: its name and input. */
export function callKey(name: string, input: Readonly<Record<string, unknown>>): string {
  return `${name} ${JSON.stringify(input, Object.keys(input).sort())}`;
}

type ToolResultBlock = Extract<RequestBlock, { type: 'tool_result' }>;

function resultsIn(message: RequestMessage | undefined): Map<string, ToolResultBlock> {
  const results = new Map<string, ToolResultBlock>();
  if (message?.role !== 'user') return results;
  for (const block of blocksOf(message)) if (block.type === 'tool_result') results.set(block.tool_use_id, block);
  return results;
}

function resultText(content: ToolResultBlock['content']): string {
  if (content === undefined) return '';
  return typeof content === 'string' ? content : content.map((block) => block.text).join('\n');
}

/** A user message's own words: its text blocks, without the reducer's parenthesised notes. */
function userText(blocks: readonly RequestBlock[]): string {
  return userTexts(blocks).join('\n').trim();
}

/** A user message's text blocks, each trimmed, without the reducer's notes. */
function userTexts(blocks: readonly RequestBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'text' && !isReducerNote(block.text) && block.text.trim() !== '' ? [block.text.trim()] : []));
}

function isReducerNote(text: string): boolean {
  return /^\((?:interrupted|no result|no output|the conversation continues|continue|no messages yet)[^)]*\)$/.test(text.trim());
}

function systemText(body: MessagesRequestBody): string {
  if (body.system === undefined) return '';
  return typeof body.system === 'string' ? body.system : body.system.map((block) => block.text).join('\n');
}
