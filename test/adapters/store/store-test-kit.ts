// Shared pieces of the store tests: temp store directories and one record of every kind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry } from '../../../src/core/entry.js';
import type { JournalRecord, SessionHeader } from '../../../src/core/journal-record.js';

/** A fresh directory under os.tmpdir(); remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'agentmux-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function header(id: string, name: string, created = 1_700_000_000_000): SessionHeader {
  return { t: 'session', v: 1, id, name, created, model: 'claude-sonnet-4-5', system: 'be brief' };
}

const local = { kind: 'local' } as const;
const usage = { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 };

/** A user message entry. */
export function userEntry(id: string, parent: string | null, text: string): Entry {
  return { kind: 'user', id, parent, at: 1, provenance: local, origin: 'typed', opensTurn: true, text };
}

/** A tool-result entry. */
export function toolResult(id: string, parent: string | null, content: string): Entry {
  return { kind: 'tool-result', id, parent, at: 4, provenance: local, toolUseId: 'use-1', toolName: 'read_file', content, isError: false };
}

/** Every journal record type and every entry kind, in a plausible order after the header. */
export function everyRecordKind(): JournalRecord[] {
  return [
    { t: 'entry', entry: userEntry('e1', null, 'fix the parser') },
    {
      t: 'entry',
      entry: {
        kind: 'assistant',
        id: 'e2',
        parent: 'e1',
        at: 2,
        provenance: local,
        model: 'claude-sonnet-4-5',
        blocks: [
          { type: 'thinking', thinking: 'hmm', signature: 'sig' },
          { type: 'text', text: 'reading it' },
          { type: 'tool_use', id: 'use-1', name: 'read_file', input: { path: 'src/a.ts', nested: { $blob: 'not a reference' } } },
        ],
        stopReason: 'tool_use',
        usage,
      },
    },
    { t: 'entry', entry: toolResult('e3', 'e2', 'export const a = 1;') },
    {
      t: 'entry',
      entry: { kind: 'interrupted', id: 'e4', parent: 'e3', at: 5, provenance: local, model: 'm', blocks: [{ type: 'text', text: 'half' }], usage, reason: 'user' },
    },
    {
      t: 'entry',
      entry: {
        kind: 'graft-marker',
        id: 'e5',
        parent: 'e4',
        at: 6,
        provenance: { kind: 'graft', sourceSession: 's9', sourceEntry: 'x1', sourceName: 'beta' },
        sourceSession: 's9',
        sourceName: 'beta',
        fromTurn: 1,
        toTurn: 2,
        count: 4,
      },
    },
    { t: 'entry', entry: { kind: 'edit', id: 'e6', parent: 'e5', at: 7, provenance: local, target: 'e1', replacement: { kind: 'text', text: 'fix the lexer' } } },
    {
      t: 'entry',
      entry: { kind: 'edit', id: 'e7', parent: 'e6', at: 8, provenance: { kind: 'fork', sourceSession: 's8', sourceEntry: 'y2' }, target: 'e3', replacement: { kind: 'tool-result', content: 'fresh', isError: true } },
    },
    { t: 'undo-point', op: 'fork', before: 'e7', forked: 's7' },
    { t: 'head', head: 'e2', reason: 'rewind' },
    { t: 'undo' },
    { t: 'head', head: null, reason: 'switch' },
    { t: 'budget', limits: { tokens: 1000, usd: 2.5, turns: 3 } },
    { t: 'rename', name: 'gamma' },
    { t: 'set-aside', entries: ['e1'], error: 'invalid request (400): bad' },
    { t: 'put-back', entries: ['e1'] },
    { t: 'pending', id: 'p1', text: 'queued', origin: 'typed', nudge: false, at: 9 },
    { t: 'pending-done', id: 'p1', how: 'delivered' },
  ];
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(dir, name)).isFile());
}
