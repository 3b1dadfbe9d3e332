// bash: runs one shell command in node-pty in the agent's cwd (DESIGN.md §4). The child is
// a session leader, so its process group holds everything it starts; a timeout or an abort
// kills that whole group. Output streams live to an optional listener, has its `\r` redraws
// folded (carriage-returns.ts), is sanitized, and is capped for the model while the whole of it
// (up to a generous bound) is kept for a blob.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import * as pty from 'node-pty';
import * as z from 'zod';
import { Sanitizer } from '../../core/sanitize.js';
import { messageOf } from '../../core/result.js';
import type { ToolContext, ToolOutcome } from '../../core/tools.js';
import { CarriageReturnFolder } from './carriage-returns.js';
import { signalGroup } from '../pty/pty-groups.js';
import { DEFAULT_SANDBOX_POLICY, sandboxArgs, sandboxSupport } from './bash-sandbox.js';
import { SECRET_VARIABLES } from './secrets.js';
import { resolveWorkspaceRoot } from './workspace-path.js';
import { abortedOutcome, parseToolInput, toolError, type WorkspaceTool } from './workspace-tool.js';

export const BASH_DEFAULT_TIMEOUT_MS = 120_000;
export const BASH_MAX_TIMEOUT_MS = 600_000;
/** Characters of output the model sees: the head and the tail, half each. */
export const BASH_MODEL_OUTPUT_CHARS = 30_000;
/** Characters of output kept in `fullOutput`; beyond that its middle is dropped too. */
export const BASH_KEPT_OUTPUT_CHARS = 16 * 1024 * 1024;
/** How long the group has between SIGTERM and SIGKILL. */
export const BASH_KILL_GRACE_MS = 500;

const BashInput = z.object({
  command: z.string().min(1),
  timeout_ms: z.number().int().min(1).max(BASH_MAX_TIMEOUT_MS).optional(),
});

const spec = {
  name: 'bash',
  description:
    'Run a shell command with bash in the workspace root (a fresh `bash -c`: no profile or rc ' +
    'files, no state kept between calls, stdin empty (/dev/null), TERM=dumb, pagers off). ' +
    'Output ' +
    '(stdout and stderr together, through a terminal) is returned with the exit code. ' +
    `The command is killed, with everything it started, after \`timeout_ms\` (default ` +
    `${BASH_DEFAULT_TIMEOUT_MS / 1000} s, at most ${BASH_MAX_TIMEOUT_MS / 1000} s). Output ` +
    `longer than ${BASH_MODEL_OUTPUT_CHARS} characters keeps its start and end, and says how ` +
    'much was cut: filter with head, tail or grep when you expect a lot. Do not start ' +
    'interactive programs; background processes are killed when the command ends.',
  inputSchema: {
    type: 'object',
    properties: {
      command: { type: 'string', description: 'The command line, as typed at a bash prompt.' },
      timeout_ms: {
        type: 'integer',
        minimum: 1,
        maximum: BASH_MAX_TIMEOUT_MS,
        description: `Milliseconds before the command is killed. Defaults to ${BASH_DEFAULT_TIMEOUT_MS}.`,
      },
    },
    required: ['command'],
  },
  effect: 'exec',
} as const;

/** How a command ended. */
export type BashEnd =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'signalled'; readonly signal: string }
  | { readonly kind: 'timed-out'; readonly afterMs: number }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failed-to-start'; readonly message: string };

/** Everything one command produced: the model's answer, and the whole output for a blob. */
export type BashRun = {
  readonly outcome: ToolOutcome;
  readonly end: BashEnd;
  /** Sanitized output; only past `BASH_KEPT_OUTPUT_CHARS` is its middle replaced by a note. */
  readonly fullOutput: string;
  /** Sanitized characters produced in all, kept or not. */
  readonly outputChars: number;
};

export type BashOptions = {
  readonly command: string;
  readonly cwd: string;
  readonly signal: AbortSignal;
  readonly timeoutMs?: number;
  readonly killGraceMs?: number;
  readonly onOutput?: (chunk: string) => void;
  /** bwrap's arguments (bash-sandbox.ts) when the command runs sandboxed; absent runs it as it is. */
  readonly sandboxArgs?: readonly string[];
  /** Variables kept from the child: the provider keys (secrets.ts). */
  readonly secretVariables?: readonly string[];
};

const DROPPED_VARIABLES = new Set(['BASH_ENV', 'ENV', 'PROMPT_COMMAND']);

/**
 * The environment a command sees: agentmux's own, minus what would run hidden code at start
 * (`BASH_ENV`, exported functions) or leak a provider key (`secrets`), plus settings that keep programs from
 * paging, prompting or colouring.
 */
export function bashEnvironment(base: NodeJS.ProcessEnv, secrets: readonly string[] = SECRET_VARIABLES): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || DROPPED_VARIABLES.has(name) || secrets.includes(name) || name.startsWith('BASH_FUNC_'))
      continue;
    env[name] = value;
  }
  return {
    ...env,
    TERM: 'dumb',
    PAGER: 'cat',
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    NO_COLOR: '1',
  };
}

/** Keeps the head and a rolling tail of a long text, counting what falls in between. */
class HeadTailKeeper {
  private head = '';
  private tail: string[] = [];
  private tailChars = 0;
  total = 0;

  constructor(private readonly half: number) {}

  add(text: string): void {
    this.total += text.length;
    const room = this.half - this.head.length;
    if (room > 0) {
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text === '') return;
    this.tail.push(text);
    this.tailChars += text.length;
    let first = this.tail[0];
    while (first !== undefined && this.tailChars - first.length >= this.half) {
      this.tail.shift();
      this.tailChars -= first.length;
      first = this.tail[0];
    }
  }

  text(): string {
    const tail = this.tail.join('');
    const dropped = this.total - this.head.length - tail.length;
    if (dropped <= 0) return this.head + tail;
    return `${this.head}\n[… ${dropped} characters not kept …]\n${tail}`;
  }
}

// Slicing must not split a surrogate pair into a lone half.
function headOf(text: string, chars: number): string {
  const head = text.slice(0, chars);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

function tailOf(text: string, chars: number): string {
  const tail = text.slice(-chars);
  const first = tail.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? tail.slice(1) : tail;
}

/** The output as the model sees it: whole, or its head and tail around a note of the cut. */
export function capForModel(output: string, total: number, max = BASH_MODEL_OUTPUT_CHARS): string {
  if (total <= max) return output;
  const half = Math.floor(max / 2);
  const cut = total - 2 * half;
  return (
    `${headOf(output, half)}\n[… ${cut} of ${total} characters of output cut here; ` +
    `the first and last ${half} are shown; the whole output is kept in the session …]\n` +
    tailOf(output, half)
  );
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, num]) => [num, name]));

function describeEnd(end: BashEnd): { note: string; isError: boolean } {
  switch (end.kind) {
    case 'exited':
      return { note: `[exit code ${end.code}]`, isError: end.code !== 0 };
    case 'signalled':
      return { note: `[killed by ${end.signal}]`, isError: true };
    case 'timed-out':
      return {
        note: `[timed out after ${end.afterMs} ms: the command and everything it started were killed]`,
        isError: true,
      };
    case 'aborted':
      return {
        note: '[aborted: the command and everything it started were killed]',
        isError: true,
      };
    case 'failed-to-start':
      return { note: `[could not start bash: ${end.message}]`, isError: true };
  }
}

// The outcome carries `fullOutput` only when the model's text was cut: a short output is already
// whole in `content`, and storing it twice would only grow the journal.
function finishRun(end: BashEnd, keeper: HeadTailKeeper): BashRun {
  const fullOutput = keeper.text();
  const shown = capForModel(fullOutput, keeper.total).replace(/\n+$/u, '');
  const { note, isError } = describeEnd(end);
  const content = `${shown === '' ? '(no output)' : shown}\n${note}`;
  const cut = keeper.total > BASH_MODEL_OUTPUT_CHARS;
  // Stopped by an interrupt after printing something: the runner keeps that output.
  const partial = end.kind === 'aborted' && keeper.total > 0 ? { partial: true } : {};
  const outcome: ToolOutcome = cut ? { content, isError, fullOutput, ...partial } : { content, isError, ...partial };
  return { outcome, end, fullOutput, outputChars: keeper.total };
}

// On Linux a pty loses output still in flight when its last writer exits (node-pty #85,
// #726), so completion is not read from the exit: the command runs in a nested bash, and the
// outer one then prints an invisible marker (an OSC string, which sanitizing drops) carrying
// the exit code, and waits. Everything before the marker has arrived once the marker has.
const MARKER_OSC = '7770';
const MARKER_MAX_CHARS = 80;

function wrapperScript(nonce: string): string {
  return (
    `"$BASH" --noprofile --norc -c "$1" </dev/null; ` +
    `printf '\\033]${MARKER_OSC};agentmux-done;${nonce};%d\\007' "$?"; read -r _`
  );
}

/**
 * Finds the completion marker in the raw stream, even split across chunks, and keeps it out
 * of the output: a chunk's tail that may be the marker's start is held back until it is not.
 */
class CompletionWatch {
  private held = '';
  private readonly head: string;
  private readonly pattern: RegExp;

  constructor(nonce: string) {
    this.head = `\u001b]${MARKER_OSC};agentmux-done;${nonce};`;
    this.pattern = new RegExp(`\\u001b\\]${MARKER_OSC};agentmux-done;${nonce};(\\d+)\\u0007`);
  }

  /** The command's output in `chunk` (marker removed), and its exit code once seen. */
  scan(chunk: string): { kept: string; code: number | undefined } {
    const text = this.held + chunk;
    this.held = '';
    const match = this.pattern.exec(text);
    if (match !== null) return { kept: text.slice(0, match.index), code: Number(match[1]) };
    const escape = text.lastIndexOf('\u001b');
    if (
      escape !== -1 &&
      text.length - escape <= MARKER_MAX_CHARS &&
      this.mayStartMarker(text.slice(escape))
    ) {
      this.held = text.slice(escape);
      return { kept: text.slice(0, escape), code: undefined };
    }
    return { kept: text, code: undefined };
  }

  private mayStartMarker(tail: string): boolean {
    if (tail.length <= this.head.length) return this.head.startsWith(tail);
    return tail.startsWith(this.head) && /^\d*$/u.test(tail.slice(this.head.length));
  }
}

function endOf(
  stopping: 'timed-out' | 'aborted' | undefined,
  timeoutMs: number,
  code: number | undefined,
  exit: { exitCode: number; signal?: number | undefined },
): BashEnd {
  if (code !== undefined) return { kind: 'exited', code };
  if (stopping === 'timed-out') return { kind: 'timed-out', afterMs: timeoutMs };
  if (stopping === 'aborted') return { kind: 'aborted' };
  if (exit.signal !== undefined && exit.signal !== 0) {
    return { kind: 'signalled', signal: signalNames.get(exit.signal) ?? `signal ${exit.signal}` };
  }
  return { kind: 'exited', code: exit.exitCode };
}

/**
 * Runs one command to its end, its timeout or its abort, and never leaves a pty, listener,
 * timer or process of its group behind. Exported so a caller can store `fullOutput`.
 */
export function runBashCommand(options: BashOptions): Promise<BashRun> {
  const { command, cwd, signal, onOutput } = options;
  const timeoutMs = options.timeoutMs ?? BASH_DEFAULT_TIMEOUT_MS;
  const graceMs = options.killGraceMs ?? BASH_KILL_GRACE_MS;
  const keeper = new HeadTailKeeper(Math.max(BASH_KEPT_OUTPUT_CHARS / 2, BASH_MODEL_OUTPUT_CHARS));
  if (signal.aborted) return Promise.resolve(finishRun({ kind: 'aborted' }, keeper));

  const nonce = randomBytes(8).toString('hex');
  let child: pty.IPty;
  try {
    const bashArgs = ['--noprofile', '--norc', '-c', wrapperScript(nonce), 'bash', command];
    const sandboxed = options.sandboxArgs;
    child = pty.spawn(
      sandboxed === undefined ? 'bash' : 'bwrap',
      sandboxed === undefined ? bashArgs : [...sandboxed, 'bash', ...bashArgs],
      {
        name: 'dumb',
        cols: 120,
        rows: 40,
        cwd,
        env: bashEnvironment(process.env, options.secretVariables),
      },
    );
  } catch (thrown) {
    return Promise.resolve(
      finishRun({ kind: 'failed-to-start', message: messageOf(thrown) }, keeper),
    );
  }
  const pid = child.pid;
  const sanitizer = new Sanitizer();
  const folder = new CarriageReturnFolder();
  const watch = new CompletionWatch(nonce);

  return new Promise<BashRun>((resolve) => {
    let stopping: 'timed-out' | 'aborted' | undefined;
    let code: number | undefined;
    let graceTimer: NodeJS.Timeout | undefined;

    const stop = (reason: 'timed-out' | 'aborted'): void => {
      if (stopping !== undefined || code !== undefined) return;
      stopping = reason;
      signalGroup(pid, 'SIGTERM');
      graceTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    };
    const onAbort = (): void => stop('aborted');
    const timeoutTimer = setTimeout(() => stop('timed-out'), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });

    const dataListener = child.onData((chunk) => {
      if (code !== undefined) return; // after the marker: nothing of the command's
      const scanned = watch.scan(chunk);
      for (const run of sanitizer.feed(folder.feed(scanned.kept))) keeper.add(run.text);
      if (scanned.code !== undefined) {
        code = scanned.code;
        signalGroup(pid, 'SIGKILL'); // the command is done; the waiting wrapper and leftovers go
      }
      if (onOutput === undefined || scanned.kept === '') return;
      try {
        onOutput(scanned.kept);
      } catch {
        // A faulty viewer must not stop the command or lose its output.
      }
    });
    const exitListener = child.onExit((exit) => {
      clearTimeout(timeoutTimer);
      clearTimeout(graceTimer);
      signal.removeEventListener('abort', onAbort);
      dataListener.dispose();
      exitListener.dispose();
      // Whatever the command left running in its group (background jobs) goes with it.
      signalGroup(pid, 'SIGKILL');
      for (const run of sanitizer.feed(folder.end())) keeper.add(run.text);
      resolve(finishRun(endOf(stopping, timeoutMs, code, exit), keeper));
    });
  });
}

/** What the bash tool needs beyond each call: the directories its sandbox hides (the store). */
export type BashToolSettings = { readonly masked: readonly string[]; readonly secretVariables?: readonly string[] };

async function runBash(
  settings: BashToolSettings,
  input: Record<string, unknown>,
  context: ToolContext,
): Promise<ToolOutcome> {
  const parsed = parseToolInput('bash', BashInput, input);
  if (!parsed.ok) return toolError(parsed.error);
  if (context.signal.aborted) return abortedOutcome('bash');
  const root = await resolveWorkspaceRoot(context.cwd);
  if (!root.ok) return toolError(root.error);
  const support = await sandboxSupport();
  const sandbox =
    support.kind === 'bwrap'
      ? { sandboxArgs: sandboxArgs({ workspace: root.value, masked: settings.masked, policy: context.sandbox ?? DEFAULT_SANDBOX_POLICY }) }
      : {};
  const run = await runBashCommand({
    command: parsed.value.command,
    cwd: root.value,
    signal: context.signal,
    ...sandbox,
    ...(settings.secretVariables === undefined ? {} : { secretVariables: settings.secretVariables }),
    ...(parsed.value.timeout_ms === undefined ? {} : { timeoutMs: parsed.value.timeout_ms }),
    ...(context.onOutput === undefined ? {} : { onOutput: context.onOutput }),
  });
  return run.outcome;
}

/** A bash tool whose sandbox also hides `settings.masked` (the session store). */
export function makeBashTool(settings: BashToolSettings): WorkspaceTool {
  return { spec, run: (input, context) => runBash(settings, input, context) };
}

/** The bash tool: lets an agent build, test and inspect; its context may stream the output. */
export const bashTool: WorkspaceTool = makeBashTool({ masked: [] });
