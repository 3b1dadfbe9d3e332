// The code that sets up a script's vm context (DESIGN.md §9 The sandbox). It runs *inside* the
// context, so every global it defines (agent, parallel, pipeline, workflow, phase, log, console,
// args, budget) is a function or object of the context's own realm: reaching `.constructor`
// from one finds the context's Function, never the worker's. The worker's side is a `bridge` of
// functions captured in this closure only, and every value crossing it is JSON text.

/**
 * Source of `function (bridge, settings) { … }`, evaluated in the context. It returns the
 * context-side entry points the worker calls: `settle`, `spent`, `run`, `compile`.
 */
export const SANDBOX_BOOTSTRAP = String.raw`(function install(bridge, settings) {
  'use strict';
  const G = globalThis;
  const RealDate = G.Date;
  const unavailable = (what) => new Error(what + ' is not available in a workflow (it would break resume)');
  function Date(...parts) {
    if (new.target === undefined) throw unavailable('Date()');
    if (parts.length === 0) throw unavailable('new Date()');
    return Reflect.construct(RealDate, parts, new.target);
  }
  Date.prototype = RealDate.prototype;
  Date.UTC = RealDate.UTC;
  Date.parse = RealDate.parse;
  Date.now = function now() { throw unavailable('Date.now()'); };
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Object.defineProperty(G, 'Date', { value: Date, writable: true, configurable: true });
  G.Math.random = function random() { throw unavailable('Math.random()'); };
  // Intl formats the current time when given no date: the same clock as Date.now().
  const DateTimeFormat = G.Intl.DateTimeFormat.prototype;
  const realFormat = Object.getOwnPropertyDescriptor(DateTimeFormat, 'format').get;
  const realFormatToParts = DateTimeFormat.formatToParts;
  const guarded = new WeakMap();
  Object.defineProperty(DateTimeFormat, 'format', { configurable: true, get() {
    const real = realFormat.call(this);
    if (!guarded.has(this)) guarded.set(this, function format(date) {
      if (date === undefined) throw unavailable('Intl.DateTimeFormat format() without a date');
      return real(date);
    });
    return guarded.get(this);
  } });
  DateTimeFormat.formatToParts = function formatToParts(date) {
    if (date === undefined) throw unavailable('Intl.DateTimeFormat formatToParts() without a date');
    return Reflect.apply(realFormatToParts, this, [date]);
  };
  // A later engine's Temporal.Now reads the same clock.
  if (G.Temporal !== undefined && G.Temporal.Now !== undefined) {
    for (const name of Object.getOwnPropertyNames(G.Temporal.Now)) {
      if (typeof G.Temporal.Now[name] === 'function') G.Temporal.Now[name] = function () { throw unavailable('Temporal.Now.' + name + '()'); };
    }
  }

  const pending = new Map();
  let nextId = 1;
  let spentTokens = 0;
  const request = (kind, payload) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    bridge.request(kind, id, JSON.stringify(payload));
  });
  const tooMany = (what, count) => new RangeError(what + '() takes at most ' + settings.maxItems + ' items (got ' + count + ')');
  const itemsOf = (what, items) => {
    if (items === null || typeof items !== 'object' || typeof items[Symbol.iterator] !== 'function') throw new TypeError(what + '() takes an array');
    const list = Array.from(items);
    if (list.length > settings.maxItems) throw tooMany(what, list.length);
    return list;
  };

  function agent(prompt, opts) {
    if (typeof prompt !== 'string') return Promise.reject(new TypeError('agent(prompt, opts): prompt must be a string'));
    let options;
    try { options = JSON.stringify(opts === undefined || opts === null ? {} : opts); }
    catch (error) { return Promise.reject(new TypeError('agent(prompt, opts): opts is not JSON: ' + error.message)); }
    return request('agent', { prompt, options });
  }
  async function parallel(thunks) {
    const list = itemsOf('parallel', thunks);
    return Promise.all(list.map((thunk, index) =>
      bridge.within('parallel', index, 0, async () => thunk()).then((value) => value, () => null)));
  }
  async function pipeline(items, ...stages) {
    const list = itemsOf('pipeline', items);
    return Promise.all(list.map(async (item, index) => {
      let previous = item;
      for (let stage = 0; stage < stages.length; stage++) {
        const run = stages[stage];
        const input = stage === 0 ? item : previous;
        try { previous = await bridge.within('pipeline', index, stage, async () => run(input, item, index)); }
        catch { return null; }
      }
      return previous;
    }));
  }
  async function workflow(ref, workflowArgs) {
    let name = ref;
    if (ref !== null && typeof ref === 'object' && typeof ref.scriptPath === 'string') {
      name = ref.scriptPath.includes('/') ? ref.scriptPath : './' + ref.scriptPath;
    }
    if (typeof name !== 'string') throw new TypeError('workflow(ref, args): ref must be a NAME, a FILE or {scriptPath}');
    const argsText = workflowArgs === undefined ? undefined : JSON.stringify(workflowArgs);
    const loaded = await request('workflow', { ref: name, args: argsText });
    const body = bridge.compile(loaded.body, loaded.filename);
    const value = await bridge.within('workflow', loaded.ref, 0, async () => body(argsText === undefined ? undefined : JSON.parse(argsText)));
    return value === undefined ? null : value;
  }
  function phase(title) { bridge.notify('phase', String(title)); }
  function log(...parts) {
    bridge.notify('log', parts.map((part) => typeof part === 'string' ? part : JSON.stringify(part)).join(' '));
  }
  const budget = Object.freeze({
    total: settings.budgetTotal,
    spent() { return spentTokens; },
    remaining() { return settings.budgetTotal === null ? Infinity : Math.max(0, settings.budgetTotal - spentTokens); },
  });
  for (const [name, value] of Object.entries({ agent, parallel, pipeline, workflow, phase, log, budget })) {
    Object.defineProperty(G, name, { value, writable: false, configurable: false, enumerable: false });
  }
  G.console = Object.freeze({ log });
  G.args = settings.args === undefined ? undefined : JSON.parse(settings.args);

  return {
    settle(id, kind, text, name) {
      const waiter = pending.get(id);
      if (waiter === undefined) return;
      pending.delete(id);
      if (kind === 'value') { waiter.resolve(JSON.parse(text)); return; }
      const error = new Error(text);
      error.name = name;
      waiter.reject(error);
    },
    spent(tokens) { spentTokens = tokens; },
    run(main) {
      return main().then((value) => {
        let text;
        try { text = JSON.stringify(value === undefined ? null : value); }
        catch (error) { return { ok: false, name: 'TypeError', message: 'the result is not JSON: ' + error.message, stack: '' }; }
        return { ok: true, text: text === undefined ? 'null' : text };
      }, (error) => {
        const isError = error instanceof Error;
        return { ok: false, name: isError ? String(error.name) : 'Error', message: isError ? String(error.message) : String(error), stack: isError ? String(error.stack) : '' };
      }).then((outcome) => bridge.finish(JSON.stringify(outcome)));
    },
  };
})`;
