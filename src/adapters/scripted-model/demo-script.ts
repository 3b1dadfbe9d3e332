// The demo's scripted model: believable coding-agent work on the small sample project, chosen
// from the conversation so far (list files, read one the listing names, grep, then sum up),
// varied per agent and acknowledging follow-ups and nudges.
import { blocksOf, type MessagesRequestBody, type RequestMessage } from './request-schema.js';
import type { Script, ScriptStep } from './script.js';

export type DemoScriptOptions = { tokensPerDelta?: number; deltaIntervalMs?: number };

/** Chooses one of `items` by the agent's seed, so agents vary but each is reproducible. */
type Pick = <T>(items: readonly [T, ...T[]], salt?: number) => T;

type Turn = {
  /** The text that opened the turn (typed message, nudge, broadcast). */
  opening: string;
  /** Tool rounds already done in this turn. */
  rounds: number;
  /** Texts of the tool results of the last round, and whether one failed. */
  lastResults: string[];
  lastFailed: boolean;
  /** Text that joined the turn after tool results (a nudge), if any. */
  joined: string | null;
  /** How many turns came before this one. */
  earlierTurns: number;
};

/** The scripted model's answers for the demo, as a Script. */
export function demoScript(options: DemoScriptOptions = {}): Script {
  return (request) => {
    const step = demoStep(request.body);
    return {
      ...step,
      ...(options.tokensPerDelta === undefined ? {} : { tokensPerDelta: options.tokensPerDelta }),
      ...(options.deltaIntervalMs === undefined ? {} : { deltaIntervalMs: options.deltaIntervalMs }),
    };
  };
}

/** The next answer for a conversation; pure, so tests can feed it its own tool results. */
export function demoStep(body: MessagesRequestBody): ScriptStep {
  const seed = hash(systemText(body) + firstUserText(body.messages));
  const turn = currentTurn(body.messages);
  const pick: Pick = (items, salt = 0) => items[(seed + salt) % items.length] ?? items[0];
  const ack = turn.joined === null ? '' : `Noted — "${clip(turn.joined, 80)}". I'll take that into account as I go. `;
  const failure = turn.lastFailed ? `That didn't work (${clip(turn.lastResults.join(' '), 90)}), so I'll try another way. ` : '';
  const lead = ack + failure;

  if (turn.earlierTurns > 0 && turn.rounds === 0) {
    const file = mentionedFile(turn.opening) ?? pick(['src/parser.ts', 'src/format.ts', 'README.md']);
    return {
      text: `${lead}Following up on "${clip(turn.opening, 80)}". Let me look at ${file} again before I answer, so I don't work from memory.`,
      toolUses: [{ name: 'read_file', input: { path: file } }],
    };
  }
  if (turn.earlierTurns > 0) return { text: `${lead}${followUpAnswer(turn, pick)}` };

  switch (turn.rounds) {
    case 0:
      return {
        text: `${lead}${pick(OPENERS)} You asked: "${clip(turn.opening, 100)}". I'll start by getting a picture of the project layout.`,
        toolUses: [{ name: 'list_files', input: { pattern: '**/*.{ts,json,md}' } }],
      };
    case 1: {
      const files = filesIn(turn.lastResults.join('\n'));
      const path = choose(files, turn.opening, pick(['src/parser.ts', 'src/format.ts'], 1));
      return {
        text: `${lead}The project is small: ${files.length > 0 ? `${files.length} files, with the logic under src/` : 'a handful of files'}. ${path} looks like the heart of it, so I'll read that first.`,
        toolUses: [{ name: 'read_file', input: { path } }],
      };
    }
    case 2: {
      const pattern = pick(GREP_PATTERNS, 2);
      return {
        text: `${lead}I see how the parsing works. Before I conclude anything, let me check where \`${pattern}\` shows up across the sources.`,
        toolUses: [{ name: 'grep', input: { pattern, path: 'src' } }],
      };
    }
    default:
      return { text: `${lead}${summary(turn, pick)}` };
  }
}

const OPENERS = [
  'Sure — let me take a look.',
  'Happy to dig into this.',
  'Good question; I will trace it through the code.',
  'On it.',
] as const;

const GREP_PATTERNS = ['TODO', 'parseInt', 'SECONDS_PER_UNIT', 'DurationError'] as const;

function summary(turn: Turn, pick: Pick): string {
  const hits = turn.lastResults.join('\n').split('\n').filter((line) => /:\d+:/.test(line)).length;
  return [
    `Here is what I found. ${pick(['In short:', 'Summary:', 'The short version:'], 3)}`,
    '',
    '1. `parseDuration` in src/parser.ts matches each amount-unit pair with a regular expression and adds up the seconds per unit from src/units.ts.',
    '2. Amounts go through `parseInt`, so a decimal part is dropped: "1.5h" comes out as 3600 seconds, although the README promises 5400.',
    '3. Unknown units ("5y") are silently skipped; the TODO in the parser already says they should be rejected.',
    '',
    `The search turned up ${hits === 0 ? 'no further' : String(hits)} matching line${hits === 1 ? '' : 's'}. ` +
      'A fix would use `parseFloat` (or `Number`) for the amount and throw `DurationError` for an unknown unit, with a test for each case in test/parser.test.ts.',
  ].join('\n');
}

function followUpAnswer(turn: Turn, pick: Pick): string {
  const lines = turn.lastResults.join('\n').split('\n').length;
  return (
    `${pick(['Thanks for the follow-up.', 'Good point.', 'Understood.'], 4)} Re "${clip(turn.opening, 80)}": ` +
    `I re-read the file (${lines} lines). My earlier reading holds — the amount is parsed with \`parseInt\`, which is where ` +
    'fractional durations go wrong. Tell me if you want me to sketch the change and the tests for it.'
  );
}

function currentTurn(messages: readonly RequestMessage[]): Turn {
  let start = 0;
  let earlierTurns = 0;
  for (const [index, message] of messages.entries()) {
    if (message.role !== 'user') continue;
    const blocks = blocksOf(message);
    if (!blocks.some((block) => block.type === 'tool_result')) {
      if (index > 0) earlierTurns += 1;
      start = index;
    }
  }
  const turnMessages = messages.slice(start);
  const rounds = turnMessages.filter((m) => m.role === 'assistant' && blocksOf(m).some((b) => b.type === 'tool_use')).length;
  const last = messages[messages.length - 1];
  const lastBlocks = last === undefined ? [] : blocksOf(last);
  const results = lastBlocks.flatMap((block) => (block.type === 'tool_result' ? [block] : []));
  const joinedText = results.length > 0 ? textOf(lastBlocks) : '';
  return {
    opening: textOf(blocksOf(messages[start] ?? { role: 'user', content: '' })),
    rounds,
    lastResults: results.map((result) =>
      typeof result.content === 'string' ? result.content : (result.content ?? []).map((b) => b.text).join('\n'),
    ),
    lastFailed: results.some((result) => result.is_error === true),
    joined: joinedText === '' ? null : joinedText,
    earlierTurns,
  };
}

function textOf(blocks: ReturnType<typeof blocksOf>): string {
  return blocks
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join(' ')
    .trim();
}

function systemText(body: MessagesRequestBody): string {
  if (body.system === undefined) return '';
  return typeof body.system === 'string' ? body.system : body.system.map((block) => block.text).join(' ');
}

function firstUserText(messages: readonly RequestMessage[]): string {
  const first = messages[0];
  return first === undefined ? '' : textOf(blocksOf(first));
}

function filesIn(text: string): string[] {
  return [...new Set(text.match(/[\w./-]+\.(?:ts|json|md)\b/g) ?? [])];
}

function mentionedFile(text: string): string | undefined {
  return filesIn(text)[0];
}

/** A source file from the listing, preferring one the request names. */
function choose(files: readonly string[], request: string, fallback: string): string {
  const sources = files.filter((file) => file.endsWith('.ts') && !file.includes('test'));
  const named = sources.find((file) => request.toLowerCase().includes((file.split('/').pop() ?? file).replace(/\.ts$/, '')));
  return named ?? sources.find((file) => file.includes('parser')) ?? sources[0] ?? fallback;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
