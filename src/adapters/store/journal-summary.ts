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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a journal's header and its latest rename and budget records. */
export function readJournalFacts(file: string): Result<JournalFacts> {
  let text: string;
  let modified: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    modified = fs.statSync(file).mtimeMs;
  } catch (thrown) {
    return err(`${file}: ${messageOf(thrown)}`);
  }
  const lines = text.split('\n');
  const header = SessionHeader.safeParse(parseJson(lines[0] ?? ''));
  if (!header.success) return err(`${file}:1: ${describeIssue(header.error)}`);
  let name = header.data.name;
  let budget: BudgetLimits | undefined;
  for (const line of lines) {
    // Entries are most lines and never needed here: skip them before parsing.
    if (!line.includes('"t":"rename"') && !line.includes('"t":"budget"')) continue;
    const record = JournalRecord.safeParse(parseJson(line));
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
    budget: facts.budget ?? {},
  };
}
