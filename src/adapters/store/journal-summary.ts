// What the catalog needs from a journal (id, current name, model, budget), read without
// replaying it: the header, plus the rename and budget records.
import fs from 'node:fs';
import { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import type { BudgetLimits } from '../../core/budget-limits.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { SessionSummary } from '../../core/store.js';
import { describeIssue } from './journal-line.js';

/** The names and budget a journal declares; the journal wins over the catalog on these. */
export type JournalFacts = { header: SessionHeader; name: string; budget: BudgetLimits | undefined; modified: number };

/** Why a journal's facts could not be read: the line at fault when there is one, and the name its header gives if that much is legible. */
export type FactsProblem = { line: number | undefined; problem: string; name: string | undefined };

type Json = { ok: true; value: unknown } | { ok: false; problem: string };

function parseJson(text: string): Json {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (thrown) {
    return { ok: false, problem: `invalid JSON (${messageOf(thrown)})` };
  }
}

/** The `name` a broken header still states plainly, so its session can be found and reported. */
function legibleName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('name' in value)) return undefined;
  return typeof value.name === 'string' && value.name !== '' ? value.name : undefined;
}

/** Reads a journal's header and its latest rename and budget records. */
export function readJournalFacts(file: string): Result<JournalFacts, FactsProblem> {
  let text: string;
  let modified: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    modified = fs.statSync(file).mtimeMs;
  } catch (thrown) {
    return err({ line: undefined, problem: messageOf(thrown), name: undefined });
  }
  const lines = text.split('\n');
  const first = parseJson(lines[0] ?? '');
  if (!first.ok) return err({ line: 1, problem: first.problem, name: undefined });
  const header = SessionHeader.safeParse(first.value);
  if (!header.success) return err({ line: 1, problem: describeIssue(header.error), name: legibleName(first.value) });
  let name = header.data.name;
  let budget: BudgetLimits | undefined;
  for (const line of lines) {
    // Entries are most lines and never needed here: skip them before parsing.
    if (!line.includes('"t":"rename"') && !line.includes('"t":"budget"')) continue;
    const json = parseJson(line);
    const record = JournalRecord.safeParse(json.ok ? json.value : undefined);
    if (!record.success) continue; // a bad line is reported when the journal is loaded
    if (record.data.t === 'rename') name = record.data.name;
    if (record.data.t === 'budget') budget = record.data.limits;
  }
  return ok({ header: header.data, name, budget, modified });
}

/** A catalog row for a journal the catalog did not know; usage totals are unknown until it is loaded. */
export function summaryFromFacts(facts: JournalFacts): SessionSummary {
  return {
    id: facts.header.id,
    name: facts.name,
    model: facts.header.model,
    created: facts.header.created,
    updated: Math.floor(facts.modified),
    turns: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
    unknownCosts: 0,
    budget: facts.budget ?? {},
    ...(facts.header.run === undefined ? {} : { run: facts.header.run }),
  };
}
