// Claude Code end to end through agentmux: the real `claude` binary hosted in a PTY pane next to
// an SDK agent, both on the scripted model (docs/claude-code.md). A broadcast reaches both; the
// `ready` pattern holds a nudge back while Claude Code shows its Bash permission dialog; the
// dialog is answered through attach, the command runs, and the queued nudge goes out after it.
// Needs the binary: CLAUDE_BIN, or `claude` on PATH (.ci/claude.sh installs it for CI).
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  claudeEnv,
  CLAUDE_READY_PATTERN,
  prepareClaudeHome,
} from '../../src/adapters/claude-home.js';
import { blocksOf } from '../../src/adapters/scripted-model/request-schema.js';
import type { ReceivedRequest, Script } from '../../src/adapters/scripted-model/script.js';
import { READY_LINES } from '../../src/core/pty-delivery.js';
import { eventually, paneText, runCommand, useWorld } from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

/** Is `file` an executable file? */
function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `CLAUDE_BIN` if set, else the first executable `claude` on PATH, else undefined. */
function findClaude(): string | undefined {
  const given = process.env['CLAUDE_BIN'];
  if (given !== undefined && given !== '') return given;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'claude');
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The flag that makes Claude Code ask before Bash whatever its version defaults to: 2.1.197 calls
 * that mode `default`; later versions call it `manual` and may start in `auto` mode instead.
 */
function askingModeFlags(claude: string): string[] {
  const help = execFileSync(claude, ['--help'], { encoding: 'utf8', timeout: 30_000 });
  return ['--permission-mode', help.includes('"manual"') ? 'manual' : 'default'];
}

const CLAUDE = findClaude();
const API_KEY = 'sk-test-key-0123456789abcdefghij';
const MODEL = 'claude-sonnet-4-6';
const MARKER = 'marker-7f3q';
const BROADCAST = `please run the ${MARKER} command`;
const NUDGE = 'after-approval-note';
const FIXED_ANSWER = 'fixed scripted answer';
const SDK_ANSWER = 'reviewer saw the marker';

/** The names of the tools a request offers. */
function toolNames(request: ReceivedRequest): string[] {
  return (request.body.tools ?? []).map((tool) => tool.name);
}

/** Claude Code's turns offer its `Bash` tool; the SDK agent's offer `read_file` and never `Bash`. */
function fromClaude(request: ReceivedRequest): boolean {
  return toolNames(request).includes('Bash');
}

/** The text blocks of the request's last message, joined. */
function lastText(request: ReceivedRequest): string {
  const last = request.body.messages[request.body.messages.length - 1];
  if (last === undefined) return '';
  return blocksOf(last)
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('\n');
}

/** Does the request's last message carry a tool result? */
function endsOnToolResult(request: ReceivedRequest): boolean {
  const last = request.body.messages[request.body.messages.length - 1];
  return last !== undefined && blocksOf(last).some((block) => block.type === 'tool_result');
}

/**
 * Decides by content, since Claude Code sends a title request (no tools) alongside its turns in
 * no fixed order: no tools → a title; a tool result → "done"; the marker → `Bash` for Claude Code
 * (a text for the SDK agent, which has no such tool); anything else → a fixed answer.
 */
const claudeScript: Script = (request) => {
  if (toolNames(request).length === 0) return { text: 'Scripted e2e title' };
  if (endsOnToolResult(request)) return { text: 'done' };
  if (lastText(request).includes(MARKER)) {
    if (!fromClaude(request)) return { text: SDK_ANSWER };
    return {
      text: 'Running it now.',
      toolUses: [
        {
          name: 'Bash',
          input: { command: 'echo from-claude > claude.txt', description: 'Write claude.txt' },
        },
      ],
    };
  }
  return { text: FIXED_ANSWER };
};

/** The processes whose working directory is `dir` (Claude Code and anything it runs there). */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`) === dir) pids.push(Number(name));
    } catch {
      // The process ended, or is not ours to inspect.
    }
  }
  return pids;
}

// The world's own after-hook (registered first, so it runs last) removes the temp dir once the
// hook below has quit agentmux and seen Claude Code gone.
const openWorld = useWorld();
let running: { readonly app: Driver; readonly claudeCwd: string } | undefined;
afterEach(async () => {
  // Quit agentmux (it hangs up on Claude Code) and wait for Claude Code to be gone: it writes its
  // state into the temp HOME as it exits, which would race the removal of the temp dir.
  if (running !== undefined) {
    const { app, claudeCwd } = running;
    running = undefined;
    try {
      // A running program makes quit ask (it will be killed): y confirms.
      await runCommand(app, 'quit');
      await app.waitFor('will be killed');
      app.write('y');
      await app.exited(15_000);
    } catch {
      app.kill();
    }
    await eventually(
      () => processesIn(claudeCwd),
      (pids) => pids.length === 0,
      'Claude Code to exit',
      30_000,
    );
  }
}, 60_000);

/** The pane's inner rows (its title and bottom border left out), side borders removed, right-trimmed. */
function paneRows(screen: string, index: number): string {
  return paneText(screen, index, 2)
    .split('\n')
    .filter((row) => row.startsWith('│'))
    .map((row) => row.replace(/^│/, '').replace(/│$/, '').trimEnd())
    .join('\n');
}

/** The last non-blank rows of a pane, joined: what the delivery rule matches `ready` against. */
function bottomRows(pane: string, count = READY_LINES): string {
  return pane
    .split('\n')
    .filter((row) => row.trim() !== '')
    .slice(-count)
    .join('\n');
}

const reviewerPane = (screen: string): string => paneRows(screen, 0);
const claudePane = (screen: string): string => paneRows(screen, 1);

/** Claude Code's permission dialog for a Bash command (its wording in 2.1.x). */
const PERMISSION_DIALOG = /Do you want to proceed\?[\s\S]*1\. Yes/;

const NAME =
  CLAUDE === undefined
    ? 'Claude Code in a PTY pane — SKIPPED: CLAUDE_BIN is unset and no `claude` is on PATH (bash .ci/claude.sh installs it)'
    : 'Claude Code in a PTY pane gets a broadcast, holds a nudge while its Bash dialog is open, and runs the command once approved through attach';

describe('agentmux e2e: Claude Code', () => {
  it.skipIf(CLAUDE === undefined)(NAME, { timeout: 300_000 }, async () => {
    if (CLAUDE === undefined) return;
    const made = await openWorld({ script: claudeScript, agents: ['reviewer', 'claude'] });
    const claudeCwd = join(made.dir, 'claude-work');
    mkdirSync(claudeCwd);
    const home = prepareClaudeHome(join(made.dir, 'claude-home'), {
      apiKey: API_KEY,
      cwd: claudeCwd,
    });
    if (!home.ok) throw new Error(home.error);
    writeFileSync(
      made.layoutPath,
      JSON.stringify({
        name: 'claude-e2e',
        agents: [
          {
            name: 'reviewer',
            model: MODEL,
            cwd: made.workspace,
            system: 'You review what the claude pane changes.',
          },
          {
            name: 'claude',
            command: [CLAUDE, ...askingModeFlags(CLAUDE)],
            cwd: claudeCwd,
            env: claudeEnv({
              home: home.value.home,
              baseURL: made.model.url,
              apiKey: API_KEY,
              model: MODEL,
            }),
            ready: CLAUDE_READY_PATTERN,
          },
        ],
        tiling: 'columns',
      }),
    );
    const app = await made.launch({ ANTHROPIC_API_KEY: API_KEY });
    running = { app, claudeCwd: realpathSync(claudeCwd) };
    // Claude Code's idle prompt, recognised the way the delivery rule does: its `ready` pattern.
    const ready = new RegExp(CLAUDE_READY_PATTERN);
    await app.waitUntil(
      (screen) => ready.test(bottomRows(claudePane(screen))),
      "Claude Code's input prompt in its pane",
      90_000,
    );
    expect(claudePane(app.screen())).toContain('Claude Code');

    // (a) One broadcast reaches both agents: both panes show it, the model got it from both.
    await runCommand(app, `broadcast ${BROADCAST}`);
    await app.waitFor(/broadcast: reviewer delivered.*claude delivered/);
    await app.waitUntil(
      (screen) => reviewerPane(screen).includes(SDK_ANSWER),
      'the scripted answer in the reviewer pane',
      60_000,
    );
    expect(reviewerPane(app.screen())).toContain(BROADCAST);
    await app.waitUntil(
      (screen) => claudePane(screen).includes(BROADCAST),
      'the broadcast in the Claude pane',
      60_000,
    );
    await made.model.waitFor(
      () => made.model.requests.some((r) => fromClaude(r) && lastText(r).includes(BROADCAST)),
      60_000,
    );
    const reviewerGotIt = made.model.requests.some(
      (r) => toolNames(r).includes('read_file') && !fromClaude(r) && lastText(r) === BROADCAST,
    );
    expect(reviewerGotIt).toBe(true);

    // (b) Claude Code asks before running Bash; a nudge now waits and is not typed into the dialog.
    await app.waitUntil(
      (screen) => PERMISSION_DIALOG.test(claudePane(screen)),
      "Claude Code's Bash permission dialog",
      60_000,
    );
    expect(claudePane(app.screen())).toContain('echo from-claude > claude.txt');
    await runCommand(app, `nudge -t claude ${NUDGE}`);
    await app.waitFor('nudge: claude queued (waits until its ready pattern matches)');
    await app.waitFor('running · 1 queued until ready');
    expect(PERMISSION_DIALOG.test(claudePane(app.screen()))).toBe(true);
    expect(claudePane(app.screen())).not.toContain(NUDGE);
    expect(made.model.requests.some((r) => JSON.stringify(r.body.messages).includes(NUDGE))).toBe(
      false,
    );
    expect(existsSync(join(claudeCwd, 'claude.txt'))).toBe(false);

    // (c) Approve through attach: Enter attaches, Enter picks the preselected "Yes", C-q detaches.
    app.write('2');
    await app.waitFor('▶ 2 claude');
    app.write(KEYS.enter);
    await app.waitFor('attached — C-q detaches');
    app.write(KEYS.enter);
    await app.waitUntil(
      (screen) => !PERMISSION_DIALOG.test(claudePane(screen)),
      'the dialog to close',
      30_000,
    );
    app.write(KEYS.ctrlQ);
    await app.waitUntil((screen) => !screen.includes('attached — C-q detaches'), 'the detach');
    const written = await eventually(
      () =>
        existsSync(join(claudeCwd, 'claude.txt'))
          ? readFileSync(join(claudeCwd, 'claude.txt'), 'utf8')
          : '',
      (text) => text !== '',
      'claude.txt in the Claude agent cwd',
      60_000,
    );
    expect(written).toBe('from-claude\n');
    // The tool result went back; the nudge was typed once the input box was free and idle again,
    // and reached the model (2.1.197 sends it as a turn of its own after "done"; 2.1.332 was seen
    // folding it into the turn that was still finishing: both are a delivered nudge).
    await made.model.waitFor(
      () => made.model.requests.some((r) => fromClaude(r) && endsOnToolResult(r)),
      60_000,
    );
    await app.waitUntil(
      (screen) =>
        claudePane(screen).includes(`❯ ${NUDGE}`) &&
        ready.test(bottomRows(claudePane(screen))) &&
        // The title may drop its command part when narrow; nothing may be left queued.
        /2 claude · idle \(running\)/.test(screen) &&
        !screen.includes('queued until ready'),
      'the nudge in the Claude transcript, its prompt idle again and nothing queued',
      90_000,
    );
    const nudged = made.model.requests.filter(
      (r) => fromClaude(r) && JSON.stringify(r.body.messages).includes(NUDGE),
    );
    expect(nudged.length).toBeGreaterThan(0);
    expect(made.model.rejections).toEqual([]);
  });
});
