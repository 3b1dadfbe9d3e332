import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TranscriptFileReader } from '../../src/adapters/transcript-file.js';
import { transcriptBranch } from '../../src/core/transcript-import.js';
import { idSource } from '../core/factories.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'transcripts');
const reader = new TranscriptFileReader(fixtures);

function read(file: string) {
  const result = reader.read(file);
  if (!result.ok) throw new Error(result.error);
  if (result.value === undefined) throw new Error(`${file}: not found`);
  return result.value;
}

describe('transcript files as a graft SOURCE', () => {
  it('reads a Claude Code session JSONL as turns, skipping and counting the lines it does not understand', () => {
    const file = read('claude-code-session.jsonl');
    expect(file.format).toBe('claude-code');
    // summary, not JSON, an image-only message, a sidechain line, a file-history snapshot
    expect(file.skipped).toBe(5);
    const view = transcriptBranch(file, idSource(), 0);
    if (!view.ok) throw new Error(view.error);
    expect(view.value.turnCount).toBe(2);
    const kinds = view.value.items.map((item) => (item.kind === 'message' ? item.entry.kind : 'marker'));
    expect(kinds).toEqual(['user', 'assistant', 'tool-result', 'assistant', 'user', 'assistant']);
    const result = view.value.items[2];
    expect(result?.kind === 'message' && result.entry.kind === 'tool-result' ? [result.entry.toolName, result.entry.content] : []).toEqual([
      'Read',
      'export function parse(s) { return parseInt(s); }',
    ]);
  });

  it('reads an agentmux journal (a copied journal file), skipping a bad line', () => {
    const file = read('./agentmux-journal.jsonl');
    expect(file.format).toBe('agentmux');
    expect(file.skipped).toBe(1);
    const view = transcriptBranch(file, idSource(), 0);
    if (!view.ok) throw new Error(view.error);
    expect(view.value.turnCount).toBe(2);
  });

  it('says undefined for a path with no file, so the name can still be a session id', () => {
    expect(reader.read('missing/nothing.jsonl')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a file with no messages at all, naming it', () => {
    expect(reader.read('not-a-transcript.jsonl')).toEqual({
      ok: false,
      error: 'not-a-transcript.jsonl: no messages found (2 lines; expected an agentmux journal or a Claude Code session JSONL)',
    });
  });

  it('refuses a directory', () => {
    expect(reader.read(fixtures).ok).toBe(false);
  });
});
