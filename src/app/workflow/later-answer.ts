// The port a continue reads revised answers through (issue 15, session-revision.ts): a reused
// call's session as it reads now — its open agent's, else replayed from its journal — and, for a
// call with a schema, the schema compiled with ajv so a later JSON answer can count.
import { compileSchema } from '../../adapters/workflow/json-schema-check.js';
import type { Controller } from '../../core/controller.js';
import type { JsonValue } from '../../core/json-value.js';
import { answerSince, type CallSchema } from '../../core/workflow/session-revision.js';

/** The answer `session` ended on after `sinceMs`, if any (a session that cannot be read has none). */
export function laterAnswer(controller: Controller, session: string, sinceMs: number, schema: CallSchema): { readonly value: JsonValue } | undefined {
  const view = controller.storedSessions.view(session);
  if (!view.ok) return undefined;
  const structured = answerSince(view.value, sinceMs, schema);
  if (structured !== undefined || schema === undefined) return structured;
  // Compiled only when no StructuredOutput answered: most reused calls' sessions are untouched.
  const check = compileSchema(schema);
  return check.ok ? answerSince(view.value, sinceMs, schema, check.value) : undefined;
}
