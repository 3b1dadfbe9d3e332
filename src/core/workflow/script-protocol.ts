// The messages between a run's script (in its worker thread) and the runtime on the main thread.
// Script values cross as JSON text, never as objects, so nothing of either side leaks across.
import * as z from 'zod';
import { CallPathStepSchema } from './call-path.js';

/** What the script's worker sends. */
export const ScriptMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('heartbeat') }),
  z.strictObject({ t: z.literal('agent'), id: z.number().int(), path: z.array(CallPathStepSchema), prompt: z.string(), options: z.string() }),
  z.strictObject({ t: z.literal('workflow'), id: z.number().int(), path: z.array(CallPathStepSchema), ref: z.string(), args: z.string().optional() }),
  z.strictObject({ t: z.literal('phase'), title: z.string() }),
  z.strictObject({ t: z.literal('log'), text: z.string() }),
  z.strictObject({ t: z.literal('done'), result: z.string() }),
  z.strictObject({ t: z.literal('failed'), name: z.string(), message: z.string() }),
]);
export type ScriptMessage = z.infer<typeof ScriptMessageSchema>;

/** What the runtime sends back to the worker. */
export type HostMessage =
  | { readonly t: 'value'; readonly id: number; readonly json: string }
  | { readonly t: 'throw'; readonly id: number; readonly name: string; readonly message: string }
  | { readonly t: 'script'; readonly id: number; readonly body: string; readonly filename: string; readonly ref: string }
  | { readonly t: 'spent'; readonly outputTokens: number };

export const HostMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('value'), id: z.number().int(), json: z.string() }),
  z.strictObject({ t: z.literal('throw'), id: z.number().int(), name: z.string(), message: z.string() }),
  z.strictObject({ t: z.literal('script'), id: z.number().int(), body: z.string(), filename: z.string(), ref: z.string() }),
  z.strictObject({ t: z.literal('spent'), outputTokens: z.number() }),
]);

/** What the worker is started with (its workerData). */
export const ScriptStartSchema = z.strictObject({
  body: z.string(),
  filename: z.string(),
  /** The run's args as JSON text; absent when none was given (`args` is then `undefined`). */
  args: z.string().optional(),
  budgetTotal: z.number().nullable(),
  maxItems: z.number().int().positive(),
});
export type ScriptStart = z.infer<typeof ScriptStartSchema>;
