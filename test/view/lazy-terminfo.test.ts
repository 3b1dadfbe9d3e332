import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileTerminfoLazily } from '../../src/view/lazy-terminfo.js';

const require = createRequire(import.meta.url);

/** blessed's Tput class and a log of the capabilities its compiler was asked for. */
function countingTput(): { Tput: unknown; compiled: string[]; original: unknown } {
  const Tput: unknown = require('blessed/lib/tput.js');
  const prototype: unknown = typeof Tput === 'function' ? Reflect.get(Tput, 'prototype') : undefined;
  if (typeof prototype !== 'object' || prototype === null) throw new Error('blessed changed shape');
  const original: unknown = Reflect.get(prototype, '_compile');
  if (typeof original !== 'function') throw new Error('blessed changed shape');
  const compiled: string[] = [];
  Reflect.set(prototype, '_compile', function (this: unknown, info: unknown, key: unknown, capability: unknown): unknown {
    if (typeof capability === 'string' && capability !== '') compiled.push(String(key));
    const made: unknown = Reflect.apply(original, this, [info, key, capability]);
    return made;
  });
  return { Tput, compiled, original };
}

/** What a call gives: its value, or the message it throws (blessed's own sprintf throws on some). */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (thrown) {
    return { thrown: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

function call(target: unknown, method: string, args: readonly unknown[]): unknown {
  const fn: unknown = typeof target === 'object' && target !== null ? Reflect.get(target, method) : undefined;
  if (typeof fn !== 'function') throw new Error(`no capability ${method}`);
  return Reflect.apply(fn, target, args);
}

describe('terminfo compiled on first use', () => {
  it('compiles no string capability when the terminal opens, each one once at its first call, with blessed’s own output', () => {
    const { Tput, compiled, original } = countingTput();
    expect(compileTerminfoLazily()).toBe(true);
    if (typeof Tput !== 'function') throw new Error('blessed changed shape');
    const tput: unknown = Reflect.construct(Tput, [{ terminal: 'xterm-256color', extended: true }]);
    expect(compiled).toEqual([]);

    expect(call(tput, 'cup', [3, 4])).toBe('\x1b[4;5H');
    expect(call(tput, 'cup', [10, 20])).toBe('\x1b[11;21H');
    expect(compiled).toEqual(['cursor_address']);

    // Every string capability gives what blessed's eager compile gives.
    const strings: unknown = Reflect.get(typeof tput === 'object' && tput !== null ? tput : {}, 'strings');
    const info: unknown = Reflect.get(typeof tput === 'object' && tput !== null ? tput : {}, 'info');
    if (typeof strings !== 'object' || strings === null || typeof original !== 'function') throw new Error('no terminfo strings');
    const names = Object.keys(strings);
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const capability: unknown = Reflect.get(strings, name);
      const eager: unknown = Reflect.apply(original, tput, [info, name, capability]);
      const methods: unknown = Reflect.get(typeof tput === 'object' && tput !== null ? tput : {}, 'methods');
      const lazy: unknown = typeof methods === 'object' && methods !== null ? Reflect.get(methods, name) : undefined;
      if (typeof eager !== 'function' || typeof lazy !== 'function') continue;
      const expected = outcome(() => Reflect.apply(eager, tput, [[2, 5, 7]]));
      expect(outcome(() => Reflect.apply(lazy, tput, [[2, 5, 7]])), name).toEqual(expected);
    }
  });
});
