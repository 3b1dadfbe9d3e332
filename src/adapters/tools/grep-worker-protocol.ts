// The messages between grep and its worker thread. A message crossing a thread is outside data
// like any other, so each side checks what it receives. The worker's side is written without
// zod on purpose: it is loaded once per grep call, and zod would triple its start-up time.
import type { LineMatch } from './grep-lines.js';

/** What the worker is started with. */
export type GrepWorkerData = { readonly pattern: string; readonly maxLineChars: number };

/** A batch of text files (UTF-8 bytes) to match, and how many matches are still wanted. */
export type MatchRequest = { readonly files: readonly Uint8Array[]; readonly limit: number };

/** The worker's messages: ready once loaded, then one `matched` (per file, in order) per request. */
export type GrepWorkerReply =
  | { readonly t: 'ready' }
  | { readonly t: 'matched'; readonly files: readonly (readonly LineMatch[])[] }
  | { readonly t: 'failed'; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The worker's start data, or undefined when it is not a GrepWorkerData. */
export function parseWorkerData(value: unknown): GrepWorkerData | undefined {
  if (!isRecord(value)) return undefined;
  const { pattern, maxLineChars } = value;
  if (typeof pattern !== 'string' || !isCount(maxLineChars)) return undefined;
  return { pattern, maxLineChars };
}

/** A request from grep, or undefined when it is not a MatchRequest. */
export function parseMatchRequest(value: unknown): MatchRequest | undefined {
  if (!isRecord(value)) return undefined;
  const { files, limit } = value;
  if (!Array.isArray(files) || !isCount(limit)) return undefined;
  const checked: Uint8Array[] = [];
  for (const file of files) {
    if (!(file instanceof Uint8Array)) return undefined;
    checked.push(file);
  }
  return { files: checked, limit };
}
