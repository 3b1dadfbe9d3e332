// One status-bar line for the per-agent outcomes of a nudge or broadcast (DESIGN.md §4).
import type { DeliveryReceipt } from './cockpit-api.js';

/** Formats receipts as `broadcast: alpha delivered, beta queued, gamma refused (paused)`. */
export function formatReceipts(commandName: string, receipts: readonly DeliveryReceipt[]): string {
  const outcomes = receipts.map((receipt) => {
    const outcome = `${receipt.agent} ${receipt.outcome}`;
    return receipt.detail === '' ? outcome : `${outcome} (${receipt.detail})`;
  });
  return `${commandName}: ${outcomes.join(', ')}`;
}
