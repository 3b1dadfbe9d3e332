// `agentmux ctl [--sessions DIR] [--json] COMMAND LINE…` (DESIGN.md §5): runs one command line in
// the cockpit (or headless run) holding store DIR, over DIR/agentmux.sock. Exit status: 0 done,
// 1 the cockpit refused or failed the line, 2 ctl's own usage, 3 nothing answers on the socket.
// Loads no blessed and no SDK: only the socket client and the protocol's schemas.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { followEvents, requestReply, type CtlFailure } from './adapters/ctl/ctl-client.js';
import { ctlSocketPath } from './adapters/ctl/socket-path.js';
import type { CtlReply, CtlRequest } from './core/ctl-protocol.js';
import { messageOf, type Result } from './core/result.js';

const DEFAULT_SESSIONS_DIR = 'sessions';

/** Where ctl prints, and the directory `--sessions` is relative to. */
export type CtlIo = {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly cwd: string;
};

const USAGE = [
  'Usage: agentmux ctl [--sessions DIR] [--json] COMMAND LINE…   run a command line in the cockpit',
  '       agentmux ctl [--sessions DIR] events [--deltas]          follow its events, one JSON object a line',
  '       agentmux ctl [--sessions DIR] [--json] capture [-t AGENT] print an agent\'s transcript as plain text',
  '',
  `  --sessions DIR  the store the cockpit holds (default: ${DEFAULT_SESSIONS_DIR}/)`,
  '  --json          print {"ok","command","message","value"} instead of the text',
  '',
  'Exit status: 0 done, 1 the cockpit refused or failed the line (events/capture with bad options too),',
  '2 ctl usage, 3 nothing answers (for events: also the cockpit going away without a shutdown notice).',
].join('\n');

type Parsed =
  | { readonly kind: 'help' }
  /** `events` or `capture` with bad options or arguments: refused like any command line (exit 1, §5). */
  | { readonly kind: 'bad-line'; readonly message: string }
  | { readonly kind: 'request'; readonly sessions: string; readonly json: boolean; readonly request: CtlRequest }
  | { readonly kind: 'events'; readonly sessions: string; readonly deltas: boolean };

/** Splits ctl's own options (before the first word of the command line) from the line. */
export function parseCtlArgs(argv: readonly string[]): Result<Parsed> {
  try {
    const { tokens } = parseArgs({
      args: [...argv],
      options: { sessions: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: false,
      allowPositionals: true,
      tokens: true,
    });
    const first = tokens.find((token) => token.kind === 'positional' || token.kind === 'option-terminator');
    const split = first === undefined ? argv.length : first.kind === 'positional' ? first.index : first.index + 1;
    const own = parseArgs({
      args: argv.slice(0, first?.kind === 'option-terminator' ? first.index : split),
      options: { sessions: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
    if (own.help === true) return { ok: true, value: { kind: 'help' } };
    const sessions = own.sessions ?? DEFAULT_SESSIONS_DIR;
    if (sessions === '') return { ok: false, error: 'option "--sessions" needs a directory' };
    const json = own.json === true;
    const words = argv.slice(split);
    const [name, ...rest] = words;
    if (name === undefined || words.join(' ').trim() === '') return { ok: false, error: 'no command line given' };
    if (name === 'events') {
      const values = subcommandOptions(rest, { deltas: { type: 'boolean' } }, 'events [--deltas]');
      if (!values.ok) return { ok: true, value: { kind: 'bad-line', message: values.error } };
      return { ok: true, value: { kind: 'events', sessions, deltas: values.value['deltas'] === true } };
    }
    if (name === 'capture') {
      const values = subcommandOptions(rest, { target: { type: 'string', short: 't' } }, 'capture [-t AGENT]');
      if (!values.ok) return { ok: true, value: { kind: 'bad-line', message: values.error } };
      const target = values.value['target'];
      return { ok: true, value: { kind: 'request', sessions, json, request: { type: 'capture', agent: typeof target === 'string' ? target : null } } };
    }
    return { ok: true, value: { kind: 'request', sessions, json, request: { type: 'run', line: words.join(' ') } } };
  } catch (thrown) {
    return { ok: false, error: messageOf(thrown) };
  }
}

/**
 * The options of `events` or `capture`: these are command lines like any other (§5), so a bad
 * option or argument is the line's problem (exit 1), named after the command with its usage.
 */
function subcommandOptions(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, usage: string): Result<Readonly<Record<string, unknown>>> {
  const command = usage.split(' ')[0] ?? usage;
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return { ok: true, value: values };
  } catch (thrown) {
    const problem = messageOf(thrown).replace(/\. To specify .*$/s, '');
    return { ok: false, error: `${command}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)} (usage: ${usage})` };
  }
}

/** Runs `agentmux ctl ARGS…`; resolves with the exit status. */
export async function runCtl(argv: readonly string[], io: CtlIo): Promise<number> {
  const parsed = parseCtlArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`agentmux ctl: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const command = parsed.value;
  if (command.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'bad-line') {
    io.stderr.write(`${command.message}\n`);
    return 1;
  }
  const path = ctlSocketPath(resolve(io.cwd, command.sessions));
  if (!path.ok) return noAnswer(io, { kind: 'no-answer', message: path.error });
  if (command.kind === 'events') {
    const readerGone = new AbortController();
    io.stdout.on('error', () => readerGone.abort());
    const followed = await followEvents(
      path.value,
      command.deltas,
      { write: (line) => io.stdout.write(line), onDrain: (resume) => io.stdout.once('drain', resume) },
      readerGone.signal,
    );
    return followed.ok || readerGone.signal.aborted ? 0 : noAnswer(io, followed.error);
  }
  const reply = await requestReply(path.value, command.request);
  if (!reply.ok) return noAnswer(io, reply.error);
  printReply(io, reply.value, command.json);
  return reply.value.ok ? 0 : 1;
}

function printReply(io: CtlIo, reply: CtlReply, json: boolean): void {
  if (json) {
    const { ok, command, message, value } = reply;
    io.stdout.write(`${JSON.stringify({ ok, command, message, value })}\n`);
    return;
  }
  if (reply.message === '') return;
  const text = reply.message.endsWith('\n') ? reply.message : `${reply.message}\n`;
  (reply.ok ? io.stdout : io.stderr).write(text);
}

function noAnswer(io: CtlIo, failure: CtlFailure): number {
  io.stderr.write(`agentmux ctl: ${failure.message}\n`);
  return 3;
}
