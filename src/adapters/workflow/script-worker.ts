// The worker thread a run's script runs in (DESIGN.md §9 The sandbox): a `node:vm` context
// holding only the JavaScript built-ins and the dialect's globals (sandbox-bootstrap.ts). Calls
// go to the main thread as messages; the path of enclosing parallel/pipeline/workflow steps
// follows each call through the script's awaits in an AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import * as z from 'zod';
import type { CallPathStep } from '../../core/workflow/call-path.js';
import { HostMessageSchema, ScriptStartSchema, type ScriptMessage } from '../../core/workflow/script-protocol.js';
import { SANDBOX_BOOTSTRAP } from './sandbox-bootstrap.js';

type Callable = (...parameters: unknown[]) => unknown;

function isCallable(value: unknown): value is Callable {
  return typeof value === 'function';
}

const AgentPayload = z.object({ prompt: z.string(), options: z.string() });
const WorkflowPayload = z.object({ ref: z.string(), args: z.string().optional() });
const Outcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), name: z.string(), message: z.string(), stack: z.string() }),
]);

/** The script's own frame in a stack (`FILE:LINE`), so a failure says where it happened. */
function scriptLocation(stack: string, filename: string): string | undefined {
  const at = stack.split('\n').find((line) => line.includes(`${filename}:`));
  const match = at === undefined ? null : new RegExp(`(${filename.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:\\d+)`, 'u').exec(at);
  return match?.[1];
}

function main(): void {
  const port = parentPort;
  if (port === null) return;
  const post = (message: ScriptMessage): void => port.postMessage(message);
  const start = ScriptStartSchema.safeParse(workerData);
  if (!start.success) {
    post({ t: 'failed', name: 'Error', message: 'the workflow worker got malformed start data' });
    return;
  }
  const { body, filename, args, budgetTotal, maxItems } = start.data;
  const steps = new AsyncLocalStorage<readonly CallPathStep[]>();
  const context = vm.createContext({}, { name: `workflow ${filename}`, codeGeneration: { strings: true, wasm: false } });
  const failing = (message: string): unknown => {
    const make: unknown = vm.runInContext('(message) => async () => { throw new SyntaxError(message); }', context);
    return isCallable(make) ? make(message) : undefined;
  };
  const compile = (text: string, file: string, parameters: string): unknown => {
    try {
      const compiled: unknown = new vm.Script(`(async (${parameters}) => {${text}\n})`, { filename: file }).runInContext(context);
      return compiled;
    } catch (thrown) {
      return failing(thrown instanceof Error ? `${file}: ${thrown.message}` : String(thrown));
    }
  };
  // Every bridge function catches everything: an error of this realm must never reach the script.
  const bridge = {
    request(kind: unknown, id: unknown, payload: unknown): void {
      try {
        if (typeof id !== 'number' || typeof payload !== 'string') return;
        const path = steps.getStore() ?? [];
        const json: unknown = JSON.parse(payload);
        if (kind === 'agent') {
          const call = AgentPayload.parse(json);
          post({ t: 'agent', id, path: [...path], prompt: call.prompt, options: call.options });
        } else if (kind === 'workflow') {
          const call = WorkflowPayload.parse(json);
          post({ t: 'workflow', id, path: [...path], ref: call.ref, ...(call.args === undefined ? {} : { args: call.args }) });
        }
      } catch {
        // Unreachable with the bootstrap's own payloads.
      }
    },
    within(kind: unknown, first: unknown, second: unknown, run: unknown): unknown {
      if (!isCallable(run)) return undefined;
      const index = typeof first === 'number' ? first : 0;
      const step: CallPathStep =
        kind === 'parallel'
          ? { kind: 'parallel', index }
          : kind === 'pipeline'
            ? { kind: 'pipeline', item: index, stage: typeof second === 'number' ? second : 0 }
            : { kind: 'workflow', ref: String(first) };
      return steps.run([...(steps.getStore() ?? []), step], run);
    },
    notify(kind: unknown, text: unknown): void {
      if (typeof text !== 'string') return;
      if (kind === 'phase') post({ t: 'phase', title: text });
      else if (kind === 'log') post({ t: 'log', text });
    },
    compile(text: unknown, file: unknown): unknown {
      return compile(String(text), String(file), 'args');
    },
    finish(json: unknown): void {
      try {
        const outcome = Outcome.parse(JSON.parse(String(json)));
        if (outcome.ok) {
          post({ t: 'done', result: outcome.text });
          return;
        }
        const where = scriptLocation(outcome.stack, filename);
        post({ t: 'failed', name: outcome.name, message: where === undefined ? outcome.message : `${outcome.message} (${where})` });
      } catch {
        post({ t: 'failed', name: 'Error', message: 'the workflow worker could not read the script’s outcome' });
      }
    },
  };
  const install: unknown = vm.runInContext(SANDBOX_BOOTSTRAP, context, { filename: 'agentmux:workflow-sandbox' });
  const api: unknown = isCallable(install) ? install(bridge, { args, budgetTotal, maxItems }) : undefined;
  if (typeof api !== 'object' || api === null || !('settle' in api) || !('spent' in api) || !('run' in api)) return;
  const { settle, spent, run } = api;
  if (!isCallable(settle) || !isCallable(spent) || !isCallable(run)) return;

  port.on('message', (raw: unknown) => {
    const message = HostMessageSchema.safeParse(raw);
    if (!message.success) return;
    const m = message.data;
    switch (m.t) {
      case 'value':
        settle(m.id, 'value', m.json, '');
        return;
      case 'throw':
        settle(m.id, 'throw', m.message, m.name);
        return;
      case 'script':
        settle(m.id, 'value', JSON.stringify({ body: m.body, filename: m.filename, ref: m.ref }), '');
        return;
      case 'spent':
        spent(m.outputTokens);
        return;
    }
  });
  setInterval(() => post({ t: 'heartbeat' }), 1000);
  run(compile(body, filename, ''));
}

main();
