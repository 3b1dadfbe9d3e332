// The undo-point journal record is a union by operation: each operation carries exactly its fields.
import { describe, expect, it } from 'vitest';
import { JournalRecord } from '../../src/core/journal-record.js';

describe('undo-point record', () => {
  it('a fork undo point must name the session it created', () => {
    const parsed = JournalRecord.safeParse({ t: 'undo-point', op: 'fork', before: 'e1' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['forked']);
  });

  it('only a rewind or a switch keeps the files it restored', () => {
    const files = [{ path: 'a.txt', before: null, after: null }];
    const rewind = JournalRecord.parse({ t: 'undo-point', op: 'rewind', before: null, files });
    const edit = JournalRecord.parse({ t: 'undo-point', op: 'edit', before: null, files });
    expect(rewind).toEqual({ t: 'undo-point', op: 'rewind', before: null, files });
    expect(edit).toEqual({ t: 'undo-point', op: 'edit', before: null });
  });

  it('an unknown operation is refused', () => {
    expect(JournalRecord.safeParse({ t: 'undo-point', op: 'merge', before: null }).success).toBe(false);
  });
});
