// `e` opens VISUAL, then EDITOR; under `npm start` a bare EDITOR=vi is npm's default, so the
// in-app editor is used (B7).
import { describe, expect, it } from 'vitest';
import { chooseEditor } from '../../src/app/editor-choice.js';

describe('chooseEditor', () => {
  it('takes VISUAL, then EDITOR, else the in-app editor', () => {
    expect(chooseEditor({ VISUAL: 'code -w', EDITOR: 'nano' })).toBe('code -w');
    expect(chooseEditor({ EDITOR: 'nano' })).toBe('nano');
    expect(chooseEditor({})).toBeUndefined();
    expect(chooseEditor({ EDITOR: '  ' })).toBeUndefined();
  });

  it("ignores npm's default EDITOR=vi under npm start, but not a VISUAL=vi nor another editor", () => {
    expect(chooseEditor({ EDITOR: 'vi', npm_lifecycle_event: 'start' })).toBeUndefined();
    expect(chooseEditor({ EDITOR: 'vi' })).toBe('vi');
    expect(chooseEditor({ VISUAL: 'vi', EDITOR: 'vi', npm_lifecycle_event: 'start' })).toBe('vi');
    expect(chooseEditor({ EDITOR: 'nano', npm_lifecycle_event: 'start' })).toBe('nano');
  });
});
