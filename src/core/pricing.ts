// Prices per model (USD per million tokens). A model missing here costs `?`, never fails.
import type { Usage } from './entry.js';

export type ModelPrice = { readonly input: number; readonly output: number };

// Longest prefix wins; cache writes cost 1.25× input, cache reads 0.1× input.
const PRICES: ReadonlyArray<readonly [prefix: string, price: ModelPrice]> = [
  ['claude-opus-4-5', { input: 5, output: 25 }],
  ['claude-opus-4-1', { input: 15, output: 75 }],
  ['claude-opus-4', { input: 15, output: 75 }],
  ['claude-sonnet-4', { input: 3, output: 15 }],
  ['claude-3-7-sonnet', { input: 3, output: 15 }],
  ['claude-3-5-sonnet', { input: 3, output: 15 }],
  ['claude-haiku-4-5', { input: 1, output: 5 }],
  ['claude-3-5-haiku', { input: 0.8, output: 4 }],
  ['claude-3-haiku', { input: 0.25, output: 1.25 }],
];

/** The price of a model, or undefined when we do not know it. */
export function priceOf(model: string): ModelPrice | undefined {
  let best: readonly [string, ModelPrice] | undefined;
  for (const row of PRICES) {
    if (model.startsWith(row[0]) && (best === undefined || row[0].length > best[0].length)) best = row;
  }
  return best?.[1];
}

/** Cost of one answer in USD, or null when the model's price is unknown. */
export function costOf(model: string, usage: Usage): number | null {
  const price = priceOf(model);
  if (price === undefined) return null;
  const perToken = 1 / 1_000_000;
  return (
    usage.inputTokens * price.input * perToken +
    usage.cacheWriteTokens * price.input * 1.25 * perToken +
    usage.cacheReadTokens * price.input * 0.1 * perToken +
    usage.outputTokens * price.output * perToken
  );
}

/** "$0.042", or "?" when unknown. */
export function formatCost(usd: number | null): string {
  if (usd === null) return '?';
  return usd < 10 ? `$${usd.toFixed(3)}` : `$${usd.toFixed(2)}`;
}

/** A total that may hold unknown costs: "$0.042", "$0.960 + ?" or "?" (nothing priced yet). */
export function formatSpent(costUsd: number, unknownCosts: number): string {
  if (unknownCosts === 0) return formatCost(costUsd);
  return costUsd === 0 ? '?' : `${formatCost(costUsd)} + ?`;
}
