// The demo's scripted model: believable, role-specific, read-only coding-agent work on the
// sample project. Each answer comments on the tool results it was just given, then makes the
// next call of its role's playbook (or answers); follow-ups and nudges get their own rounds.
import { fixAnswer, planAnswer, testsAnswer, type AnswerInput } from './demo-answers-team.js';
import { probeAnswer, refuteAnswer, reviewAnswer, surveyAnswer } from './demo-answers-review.js';
import { callKey, callsThisTurn, readConversation, roundRecords, type Conversation } from './demo-conversation.js';
import { evidenceIn, evidenceOutline } from './demo-evidence.js';
import { Findings } from './demo-findings.js';
import { FOLLOW_UP_FOCUS, followUpAnswer, topicIntents } from './demo-follow-up.js';
import { remarkOn } from './demo-notes.js';
import { offeredOutputSchema, readyToOutput, structuredStep } from './demo-structured.js';
import { intent, playbook, type Intent } from './demo-playbooks.js';
import { FOCUS, planFor, roleOf, type Plan } from './demo-roles.js';
import { baseName, clip, hash, pickerFor, type Pick } from './demo-text.js';
import type { MessagesRequestBody } from './request-schema.js';
import type { Script, ScriptStep } from './script.js';

export type DemoScriptOptions = { tokensPerDelta?: number; deltaIntervalMs?: number };

/** A turn never makes more tool rounds than this, whatever its plan says. */
export const MAX_ROUNDS_PER_TURN = 10;

/** The scripted model's answers for the demo, as a Script. */
export function demoScript(options: DemoScriptOptions = {}): Script {
  return (request) => ({
    ...demoStep(request.body),
    ...(options.tokensPerDelta === undefined ? {} : { tokensPerDelta: options.tokensPerDelta }),
    ...(options.deltaIntervalMs === undefined ? {} : { deltaIntervalMs: options.deltaIntervalMs }),
  });
}

/** The next answer for a conversation; pure, so tests can feed it its own tool results. */
export function demoStep(body: MessagesRequestBody): ScriptStep {
  const conversation = readConversation(body);
  const seen = new Findings(conversation.records);
  const role = roleOf(conversation.system, conversation.task);
  const pick = pickerFor(hash(`${conversation.system}\n${conversation.task}\n${conversation.salt}`));
  const firstTurn = conversation.turn === 0;
  // A follow-up keeps the role's line of work unless the message clearly asks for another.
  const plan = planFor(role, firstTurn ? conversation.opening : conversation.task);
  const question = conversation.opening;
  const input: AnswerInput = { question, seen, ev: evidenceIn(seen), pick, role };
  const nudgeRounds = conversation.nudges.flatMap((nudge) => topicIntents(nudge.text, seen, plan, 1));
  const planned = firstTurn ? playbook(plan) : topicIntents(question === '' ? 'continue' : question, seen, plan, 2);
  const { next, dropped } = conversation.rounds >= MAX_ROUNDS_PER_TURN ? { next: undefined, dropped: [] } : nextIntent([...nudgeRounds, ...planned], conversation, seen);
  // Paths the last round showed to be missing, said once, when they are learned.
  const before = new Findings(conversation.records.filter((record) => record.turn !== conversation.turn || record.round !== conversation.rounds));
  const missing = [...new Set(dropped)].filter((path) => before.exists(path) !== false).map((path) => `There is no ${path} here.`);

  const last = conversation.rounds === 0 ? [] : roundRecords(conversation, conversation.rounds);
  // A workflow call with a schema: read a little, then answer through StructuredOutput.
  const outputSchema = offeredOutputSchema(body);
  if (outputSchema !== undefined && readyToOutput(conversation, next !== undefined)) {
    return structuredStep(outputSchema, conversation, seen, [...last.map((record) => remarkOn(record, FOCUS[plan]).gist), evidenceOutline(input.ev)].filter((t) => t !== '').join(' '));
  }
  const focus = firstTurn ? FOCUS[plan] : FOLLOW_UP_FOCUS;
  const remarks = last.map((record) => remarkOn(record, focus));
  const joined = conversation.nudges.filter((nudge) => nudge.afterRound === conversation.rounds && conversation.rounds > 0);
  const ack = joined.map((nudge) => `${pick(['Noted', 'Got it', 'Understood'], 3)}: "${clip(nudge.text, 90)}".`);
  const opening = conversation.rounds > 0 ? [] : firstTurn ? [] : [followUpLead(question, pick)];
  const failed = last.some((record) => !record.ok);

  if (next !== undefined) {
    const bridge = failed ? [pick(["I'll work with what is here instead.", 'I will go on with what I can read.'], 4)] : [];
    const text = [...ack, ...opening, ...remarks.map((r) => r.short), ...missing, ...bridge, next.say(seen)].join(' ');
    const plan = conversation.rounds === 0 ? [`My plan: ${planned.map(describeCall).join(', then ')}, and only then answer.`] : [];
    const nudged = joined.map((n) => `A note came in: "${clip(n.text, 120)}". I'll check that first.`);
    const thinking = [...nudged, ...remarks.map((r) => r.gist), ...remarks.map((r) => r.detail), next.why(seen), ...plan].filter((t) => t !== '').join(' ');
    return { thinking, text, toolUses: [{ name: next.name, input: { ...next.input } }] };
  }

  const answer = firstTurn ? finalAnswer(plan, input) : followUpAnswer(input, question === '' ? '(continue)' : question, plan, turnRecords(conversation));
  const notes = conversation.nudges.map((nudge) => nudgeNote(nudge.text, nudge.afterRound, conversation));
  const thinking = [...remarks.map((r) => r.gist), ...remarks.map((r) => r.detail), evidenceOutline(input.ev), pick(WRAP_UPS, 6)].filter((t) => t !== '').join(' ');
  const absent = [...new Set(question.match(/[\w./-]+\.(?:ts|json|md)\b/g) ?? [])].filter(
    (file) => seen.exists(file) === false && !seen.files().some((path) => baseName(path) === baseName(file)),
  );
  const caveat = absent.length === 0 ? [] : [`Note: ${absent.join(' and ')} ${absent.length === 1 ? "isn't" : "aren't"} in this workspace, so this covers what is.`];
  return { thinking, text: [...ack, ...(missing.length === 0 ? [] : [missing.join(' ')]), ...caveat, answer, ...notes].join('\n') };
}

const WRAP_UPS = [
  'That is enough to answer. I will cite each line I rely on and say plainly what I could not check, since I cannot run anything here.',
  'I have what I need. Writing it up with file and line for every claim, and marking what is reasoned rather than run.',
  'Enough evidence now. I will keep the answer short, quote the lines, and leave out anything the results did not show.',
] as const;

function finalAnswer(plan: Plan, input: AnswerInput): string {
  switch (plan) {
    case 'plan':
      return planAnswer(input);
    case 'fix':
      return fixAnswer(input);
    case 'tests':
      return testsAnswer(input);
    case 'review':
      return reviewAnswer(input);
    case 'refute':
      return refuteAnswer(input);
    case 'probe':
      return probeAnswer(input);
    case 'survey':
      return surveyAnswer(input);
  }
}

function followUpLead(message: string, pick: Pick): string {
  if (message === '') return 'Picking up where I was interrupted.';
  return pick([`You asked: "${clip(message, 90)}".`, `Re "${clip(message, 90)}" — I'd rather look than guess.`, `About "${clip(message, 90)}": I'll check the code before answering.`], 2);
}

type Next = { next: Intent | undefined; dropped: string[] };

/** The first planned call not made yet this turn, adapted to what the results showed exists; also the planned paths it had to drop. */
function nextIntent(planned: readonly Intent[], conversation: Conversation, seen: Findings): Next {
  const done = callsThisTurn(conversation);
  const anyListing = conversation.records.some((record) => record.name === 'list_files' && record.ok);
  const lastFailed = roundRecords(conversation, conversation.rounds).some((record) => !record.ok);
  const candidates = lastFailed && !anyListing ? [intent('list_files', {}, 'I will list the files to see what this workspace actually holds.', 'A call failed on a path I assumed. Before guessing again I want the real file list.'), ...planned] : planned;
  const dropped: string[] = [];
  for (const candidate of candidates) {
    const adapted = adapt(candidate, seen);
    if (adapted === undefined) {
      if (typeof candidate.input.path === 'string') dropped.push(candidate.input.path);
      continue;
    }
    if (!done.has(callKey(adapted.name, adapted.input))) return { next: adapted, dropped };
  }
  return { next: undefined, dropped };
}

/** The call as planned, or redirected to a listed file of the same name, or dropped when its path is known not to exist. */
function adapt(planned: Intent, seen: Findings): Intent | undefined {
  const path = planned.input.path;
  if (typeof path !== 'string' || seen.exists(path) !== false) return planned;
  if (planned.name === 'read_file') {
    const other = seen.files().find((file) => baseName(file) === baseName(path));
    if (other === undefined) return undefined;
    return intent('read_file', { ...planned.input, path: other }, `There is a ${baseName(path)} at ${other}; I'll read that one.`, planned.why(seen));
  }
  const rest = Object.fromEntries(Object.entries(planned.input).filter(([key]) => key !== 'path'));
  return intent(planned.name, rest, `${path} isn't in this workspace, so I'll search all of it instead.`, planned.why(seen));
}

/** "read src/parser.ts", "grep /TODO/ in src", "list test/": a planned call in a few words. */
function describeCall(call: Intent): string {
  const { path, pattern, offset, limit } = call.input;
  const where = typeof path === 'string' ? path : 'the workspace';
  switch (call.name) {
    case 'read_file':
      return typeof offset === 'number' && typeof limit === 'number' ? `read ${where} lines ${offset}–${offset + limit - 1}` : `read ${where}`;
    case 'grep':
      return `grep /${String(pattern)}/ in ${where}`;
    case 'list_files':
      return `list ${where}`;
  }
}

function turnRecords(conversation: Conversation): ReturnType<typeof roundRecords> {
  return conversation.records.filter((record) => record.turn === conversation.turn);
}

/** One line answering a nudge that joined the turn, from the round that followed it. */
function nudgeNote(text: string, afterRound: number, conversation: Conversation): string {
  const records = roundRecords(conversation, afterRound + 1);
  const found = records.map((record) => remarkOn(record, FOLLOW_UP_FOCUS).short).join(' ');
  return `On your note "${clip(text, 70)}": ${found === '' ? 'I kept it in mind, but did not get to a separate check.' : found}`;
}
