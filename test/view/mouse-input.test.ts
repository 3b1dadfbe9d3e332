import { describe, expect, it } from 'vitest';
import { splitMouseInput } from '../../src/view/mouse-input.js';

describe('mouse input', () => {
  it('reads every SGR report of a chunk (0-based cells) and keeps the keys around them', () => {
    const parsed = splitMouseInput('a\x1b[<0;10;5M\x1b[<0;10;5mb\x1b[<64;3;4M\x1b[<65;3;4Mc');
    expect(parsed.actions).toEqual([
      { kind: 'click', x: 9, y: 4 },
      { kind: 'wheel-up', x: 2, y: 3 },
      { kind: 'wheel-down', x: 2, y: 3 },
    ]);
    expect(parsed.rest).toBe('abc');
    expect(parsed.hadMouse).toBe(true);
  });

  it('ignores motion, releases and other buttons; reads X10 reports too', () => {
    expect(splitMouseInput('\x1b[<35;1;1M\x1b[<2;1;1M\x1b[<0;1;1m').actions).toEqual([]);
    expect(splitMouseInput(`\x1b[M${String.fromCharCode(32, 33 + 4, 33 + 2)}`).actions).toEqual([{ kind: 'click', x: 4, y: 2 }]);
    expect(splitMouseInput(`\x1b[M${String.fromCharCode(96, 34, 34)}`).actions).toEqual([{ kind: 'wheel-up', x: 1, y: 1 }]);
  });

  it('leaves key input without reports alone', () => {
    expect(splitMouseInput('\x1b[A:quit\r')).toEqual({ actions: [], rest: '\x1b[A:quit\r', hadMouse: false });
  });
});
