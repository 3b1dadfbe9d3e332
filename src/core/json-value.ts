// JSON values as a type and a zod schema: what crosses a process, socket or worker boundary
// (command results over ctl, workflow values between the script's worker and the host).
import * as z from 'zod';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Parses anything into a JsonValue (or fails): the only way outside data becomes one. */
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);
