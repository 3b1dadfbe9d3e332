// What a pending write shows before y / a / n: write_file's content (head and tail when long),
// edit_file's unified diff against the file as it is now.
import { describe, expect, it } from 'vitest';
import { approvalPreview, PREVIEW_MAX_LINES } from '../../src/core/approval-preview.js';
import type { ToolCall } from '../../src/core/tools.js';

const write = (content: string): ToolCall => ({ id: 't1', name: 'write_file', input: { path: 'notes.txt', content } });
const edit = (old: string, replacement: string): ToolCall => ({ id: 't2', name: 'edit_file', input: { path: 'src/a.ts', old, new: replacement } });
const texts = (call: ToolCall, current: Parameters<typeof approvalPreview>[1]): string[] =>
  (approvalPreview(call, current) ?? []).map((row) => row.text);

describe('approvalPreview', () => {
  it('shows a new file whole', () => {
    expect(texts(write('one\ntwo\n'), { kind: 'missing' })).toEqual(['creates the file with 2 lines:', '  one', '  two']);
  });

  it('keeps the head and the tail of long content, saying how much is between', () => {
    const content = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`).join('\n');
    const rows = texts(write(content), { kind: 'text', text: 'old\n' });
    expect(rows).toHaveLength(PREVIEW_MAX_LINES);
    expect(rows[0]).toBe('replaces the whole file (1 line now) with 100 lines:');
    expect(rows[1]).toBe('  line 1');
    expect(rows).toContain('  … 62 more lines …');
    expect(rows[rows.length - 1]).toBe('  line 100');
  });

  it('shows an edit as a unified diff with context from the file', () => {
    const file = 'a\nb\nc\nd\nconst x = 1;\ne\nf\n';
    const rows = approvalPreview(edit('const x = 1;', 'const x = 2;'), { kind: 'text', text: file }) ?? [];
    expect(rows.map((row) => row.text)).toEqual([
      '--- src/a.ts',
      '+++ src/a.ts',
      '@@ -2,6 +2,6 @@',
      ' b',
      ' c',
      ' d',
      '-const x = 1;',
      '+const x = 2;',
      ' e',
      ' f',
    ]);
    expect(rows.find((row) => row.text === '-const x = 1;')?.style).toBe('tool-error');
    expect(rows.find((row) => row.text === '+const x = 2;')?.style).toBe('streaming');
  });

  it('shows the change alone when the file cannot be read', () => {
    expect(texts(edit('x', 'y'), { kind: 'unreadable', reason: 'a binary file' })).toEqual([
      'the change alone:',
      '--- src/a.ts',
      '+++ src/a.ts',
      '@@ -1,1 +1,1 @@',
      '-x',
      '+y',
    ]);
  });

  it('never passes escape sequences through, and shows them instead of dropping them (issue 9)', () => {
    const rows = texts(write('\x1b[2Jboom \x1b]0;hidden\x07\n'), { kind: 'missing' });
    expect(rows.join('\n')).not.toContain('\x1b');
    expect(rows).toContain('  ␛[2Jboom ␛]0;hidden␇');
  });

  it('has nothing to show for other tools', () => {
    expect(approvalPreview({ id: 't', name: 'bash', input: { command: 'ls' } }, { kind: 'missing' })).toBeUndefined();
  });
});
