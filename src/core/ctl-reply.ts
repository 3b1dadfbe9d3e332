// The one mapping from a command's result to the reply `agentmux ctl` prints (DESIGN.md §5):
// `{ok, command, message, value}`, `value` being the command's typed result.
import { formatAddress } from './address.js';
import { readCommandHead } from './command-line.js';
import type { CommandResult } from './command.js';
import type { CtlReply } from './ctl-protocol.js';
import type { JsonValue } from './json-value.js';
import type { SessionSummary } from './store.js';

/** Builds the reply to command line `line` from what `dispatch` returned for it. */
export function ctlReply(line: string, result: CommandResult): CtlReply {
  const command = readCommandHead(line.replace(/^\s*:/, ''))?.name ?? '';
  const reply = (ok: boolean, message: string, value: JsonValue): CtlReply => ({ type: 'reply', ok, command, message, value });
  switch (result.kind) {
    case 'ok':
      return reply(true, result.message, null);
    case 'error':
      return reply(false, result.message, null);
    case 'receipts':
      return reply(true, result.message, result.receipts.map((receipt) => ({ ...receipt })));
    case 'sessions':
      return reply(true, result.message, result.sessions.map(sessionRow));
    case 'open-editor': {
      const address = formatAddress(result.address);
      return reply(true, `${command}: ${result.agent} ${address} opened in the cockpit's editor`, { agent: result.agent, address, text: result.text });
    }
  }
}

function sessionRow(session: SessionSummary): JsonValue {
  const { budget, model, run, ...rest } = session;
  const limits: Record<string, number> = {};
  for (const [key, limit] of Object.entries(budget)) if (limit !== undefined) limits[key] = limit;
  return { ...rest, model: model ?? null, budget: limits, ...(run === undefined ? {} : { run }) };
}
