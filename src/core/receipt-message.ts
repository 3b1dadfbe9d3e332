// Status-bar lines for deliveries: the per-agent outcomes of a nudge or broadcast (DESIGN.md §4), and a send.
import type { DeliveryReceipt } from './cockpit-api.js';
import { err, ok, type Result } from './result.js';

/** Formats receipts as `broadcast: alpha delivered, beta queued, gamma refused (paused)`. */
export function formatReceipts(commandName: string, receipts: readonly DeliveryReceipt[]): string {
  const outcomes = receipts.map((receipt) => {
    const outcome = `${receipt.agent} ${receipt.outcome}`;
    return receipt.detail === '' ? outcome : `${outcome} (${receipt.detail})`;
  });
  return `${commandName}: ${outcomes.join(', ')}`;
}

/** What `send` says in the status bar: `sent to alpha`, `queued for alpha: starts its next turn`, or the refusal as an error. */
export function sendMessage(receipt: DeliveryReceipt): Result<string> {
  if (receipt.outcome === 'refused') return err(receipt.detail);
  if (receipt.joined === 'typed') return ok(`typed into ${receipt.agent}`);
  if (receipt.joined === 'started-turn') return ok(`sent to ${receipt.agent}`);
  return ok(`queued for ${receipt.agent}: ${receipt.detail}`);
}
