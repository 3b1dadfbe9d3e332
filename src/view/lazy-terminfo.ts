// Cold start (DESIGN.md §6): blessed compiles every string capability of the terminal's terminfo
// into a JavaScript function (`new Function` per capability, ~400 for xterm-256color) when the
// screen opens, though a frame uses a dozen. Here each capability compiles on its first call
// instead: the same function, the same output, built only when used.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let deferred = false;

/** Makes blessed compile terminfo capabilities on first use; idempotent; false if blessed changed shape. */
export function compileTerminfoLazily(): boolean {
  if (deferred) return true;
  const tput: unknown = require('blessed/lib/tput.js');
  const prototype: unknown = typeof tput === 'function' ? Reflect.get(tput, 'prototype') : undefined;
  if (typeof prototype !== 'object' || prototype === null) return false;
  const compile: unknown = Reflect.get(prototype, '_compile');
  if (typeof compile !== 'function') return false;
  Reflect.set(prototype, '_compile', function (this: unknown, info: unknown, key: unknown, capability: unknown): unknown {
    // Booleans, numbers, empty strings and the two file capabilities are no code: as before.
    if (deferrable(this, key, capability)) return onFirstCall(() => Reflect.apply(compile, this, [info, key, capability]));
    const compiled: unknown = Reflect.apply(compile, this, [info, key, capability]);
    return compiled;
  });
  deferred = true;
  return true;
}

/** A capability function that compiles itself (with `build`) the first time it is called. */
function onFirstCall(build: () => unknown): (this: unknown, params: unknown) => unknown {
  let compiled: unknown;
  return function (this: unknown, params: unknown): unknown {
    compiled ??= build();
    const result: unknown = typeof compiled === 'function' ? Reflect.apply(compiled, this, [params]) : compiled;
    return result;
  };
}

/** A capability blessed would compile to code (and not to a constant string: its `stringify` option). */
function deferrable(owner: unknown, key: unknown, capability: unknown): boolean {
  if (typeof capability !== 'string' || capability === '' || key === 'init_file' || key === 'reset_file') return false;
  const options: unknown = typeof owner === 'object' && owner !== null ? Reflect.get(owner, 'options') : undefined;
  return typeof options !== 'object' || options === null || Reflect.get(options, 'stringify') !== true;
}
