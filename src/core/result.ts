// Errors as values: every boundary (commands, stores, providers, tools) returns one of these.

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = string> = Ok<T> | Err<E>;

/** Wraps a success value so callers can branch on `ok` instead of catching. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps a failure value; the message is what a person will read. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** Turns anything thrown into a one-line message for an error value. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}
