// Cold start (DESIGN.md §6): blessed's Tput finds the terminfo file, parses it (falling back to its
// own copies when it cannot) and compiles every one of its ~450 capabilities into a JS function
// before the first frame, though a frame uses a dozen. Here blessed's Tput set-up saves what it
// settled on in the store's cache (core/terminfo-cache.ts); a later start whose terminfo files are
// unchanged takes it from there and compiles each capability on first use (same code, same output).
// A miss compiles eagerly as blessed always did: that compile is also blessed's only check of a file
// it misread (it parses ncurses 6's 32-bit files, e.g. screen-256color, into garbage its compiler
// rejects, and then falls back to xterm), so only data that compiled whole is ever cached.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TerminfoCache, TerminfoData } from '../core/terminfo-cache.js';

const require = createRequire(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;

const isMethod = (value: unknown): value is Method => typeof value === 'function';
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const field = (target: unknown, name: string): unknown =>
  isObject(target) || typeof target === 'function' ? Reflect.get(target, name) : undefined;

/** The cache the next Tput set-up reads and fills (set only while `withTerminfoCache` runs). */
let activeCache: TerminfoCache | undefined;
let installed: boolean | undefined;

/** Capability values of one kind (booleans, numbers or strings) copied out of blessed's info. */
function recordOf<T>(value: unknown, is: (item: unknown) => item is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObject(value)) return out;
  for (const [key, item] of Object.entries(value)) if (is(item)) out[key] = item;
  return out;
}

const isBoolean = (item: unknown): item is boolean => typeof item === 'boolean';
const isNumber = (item: unknown): item is number => typeof item === 'number';
const isString = (item: unknown): item is string => typeof item === 'string';

/** blessed's parsed terminfo (before `compile` adds to it) as plain data; undefined if it changed shape. */
function dataOf(info: unknown, error: string | undefined): TerminfoData | undefined {
  const name = field(info, 'name');
  const names = field(info, 'names');
  const desc = field(info, 'desc');
  const file = field(info, 'file');
  if (typeof name !== 'string' || !Array.isArray(names) || typeof file !== 'string')
    return undefined;
  return {
    name,
    names: names.filter(isString),
    desc: typeof desc === 'string' ? desc : '',
    file,
    bools: recordOf(field(info, 'bools'), isBoolean),
    numbers: recordOf(field(info, 'numbers'), isNumber),
    strings: recordOf(field(info, 'strings'), isString),
    error,
  };
}

/** Cached data in the shape blessed's `compile` takes (fresh objects: compile and inject keep them). */
function infoOf(data: TerminfoData): Record<string, unknown> {
  return {
    name: data.name,
    names: [...data.names],
    desc: data.desc,
    file: data.file,
    dir: path.resolve(data.file, '..', '..'),
    bools: { ...data.bools },
    numbers: { ...data.numbers },
    strings: { ...data.strings },
  };
}

function errorText(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}

/** A capability that compiles (blessed's `_compile` on `tput`) when first called. */
function deferred(original: Method, tput: unknown, args: readonly unknown[]): Method {
  let compiled: unknown;
  return function (this: unknown, params: unknown): unknown {
    if (compiled === undefined) {
      try {
        compiled = Reflect.apply(original, tput, args);
      } catch {
        // Cached data compiled whole when it was saved; should blessed's compiler change and
        // reject a capability now, it writes nothing rather than crash a frame.
        compiled = '';
      }
    }
    return isMethod(compiled) ? Reflect.apply(compiled, this, [params]) : compiled;
  };
}

/** `_compile` that defers a string capability's compilation to its first call (output unchanged). */
function lazyCompile(original: Method): Method {
  return function (this: unknown, info: unknown, key: unknown, value: unknown): unknown {
    // Constants, files and `stringify` (capabilities as strings, not functions) keep blessed's way.
    if (
      typeof value !== 'string' ||
      value === '' ||
      key === 'init_file' ||
      key === 'reset_file' ||
      field(field(this, 'options'), 'stringify') === true
    ) {
      return Reflect.apply(original, this, [info, key, value]);
    }
    return deferred(original, this, [info, key, value]);
  };
}

/** The terminfo file blessed finds for `term` (its own search), or undefined when there is none. */
function systemFileOf(tput: unknown, term: string): string | undefined {
  const find = field(tput, '_prefix');
  if (!isMethod(find)) return undefined;
  try {
    const found = Reflect.apply(find, tput, [term]);
    return typeof found === 'string' ? path.normalize(found) : undefined;
  } catch {
    return undefined;
  }
}

/** `setup` that reads the parsed terminfo from `activeCache`, and saves what blessed settled on. */
function cachedSetup(original: Method, compileOne: Method): Method {
  return function (this: unknown): unknown {
    const cache = activeCache;
    const term = field(this, 'terminal');
    const compile = field(this, 'compile');
    const inject = field(this, 'inject');
    if (
      cache === undefined ||
      typeof term !== 'string' ||
      field(this, 'termcap') === true ||
      !isMethod(compile) ||
      !isMethod(inject) ||
      !isObject(this)
    ) {
      return Reflect.apply(original, this, []);
    }
    const systemFile = systemFileOf(this, term);
    const hit = cache.load(term, systemFile);
    if (hit !== undefined) {
      try {
        Reflect.set(this, 'error', hit.error === undefined ? null : new Error(hit.error));
        Reflect.set(this, '_compile', lazyCompile(compileOne));
        Reflect.apply(inject, this, [Reflect.apply(compile, this, [infoOf(hit)])]);
        return undefined;
      } catch {
        // Data blessed does not take after all: parse the files as if there were no cache.
      } finally {
        Reflect.deleteProperty(this, '_compile');
      }
    }
    let settled: TerminfoData | undefined;
    // The last info blessed compiled without an error is the one it injects.
    Reflect.set(this, 'compile', function (this: unknown, info: unknown): unknown {
      const before = dataOf(info, undefined);
      const compiled = Reflect.apply(compile, this, [info]);
      settled = before;
      return compiled;
    });
    try {
      Reflect.apply(original, this, []);
    } finally {
      Reflect.deleteProperty(this, 'compile');
    }
    if (settled !== undefined)
      cache.save(term, systemFile, { ...settled, error: errorText(field(this, 'error')) });
    return undefined;
  };
}

/** Changes blessed's Tput once (see the file's head); false if blessed changed shape (left as is). */
export function installTerminfoLoader(): boolean {
  if (installed !== undefined) return installed;
  const tput: unknown = require('blessed/lib/tput.js');
  const prototype = field(tput, 'prototype');
  const compileOne = field(prototype, '_compile');
  const setup = field(prototype, 'setup');
  installed = isObject(prototype) && isMethod(compileOne) && isMethod(setup);
  if (isObject(prototype) && isMethod(compileOne) && isMethod(setup)) {
    Reflect.set(prototype, 'setup', cachedSetup(setup, compileOne));
  }
  return installed;
}

/** Runs `open` (which makes blessed's Program, so its Tput) with `cache` serving the terminfo. */
export function withTerminfoCache<T>(cache: TerminfoCache | undefined, open: () => T): T {
  const before = activeCache;
  activeCache = cache;
  try {
    return open();
  } finally {
    activeCache = before;
  }
}
