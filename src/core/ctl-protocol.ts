// The wire of `agentmux ctl` (DESIGN.md §5): newline-delimited JSON over DIR/agentmux.sock. One
// request line per connection; a `run` or `capture` gets one reply line, an `events` request
// turns the connection into a stream of event lines. Both ends parse what they read with these.
import * as z from 'zod';
import { JsonValueSchema } from './json-value.js';
import { err, ok, type Result } from './result.js';

/** What a client asks: run a command line, capture an agent's pane, or follow the events. */
export const CtlRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), line: z.string() }),
  z.object({ type: z.literal('capture'), agent: z.string().nullable() }),
  z.object({ type: z.literal('events'), deltas: z.boolean() }),
]);
export type CtlRequest = z.infer<typeof CtlRequest>;

/** The answer to `run` and `capture`: `--json` prints it without `type`. */
export const CtlReply = z.object({
  type: z.literal('reply'),
  ok: z.boolean(),
  /** The command's name as typed (empty when the line had none). */
  command: z.string(),
  /** The result's text, as the status bar shows it (for `capture`: the pane's text). */
  message: z.string(),
  /** The command's typed result (null when it has none, and on errors). */
  value: JsonValueSchema,
});
export type CtlReply = z.infer<typeof CtlReply>;

/** One line of `ctl events`: a compact object whose `type` names the event. */
export const CtlEventLine = z.looseObject({ type: z.string().min(1) });
export type CtlEventLine = z.infer<typeof CtlEventLine>;

/** Longest request line a server reads; a longer one is refused and the connection closed. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Parses one received line (JSON text) with `schema`; the error names what was wrong. */
export function parseLine<T>(schema: z.ZodType<T>, line: string): Result<T> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return err('not JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  return err(`${where}${issue?.message ?? 'invalid'}`);
}
