// Claude Code hosted in a PTY pane (docs/claude-code.md): a throwaway HOME whose .claude.json
// skips every first-run dialog, the environment that points it at any Messages API endpoint
// with no other traffic, and the `ready` pattern of its idle input prompt.
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../core/result.js';

/**
 * Matches the bottom lines of Claude Code's screen (lines joined by `\n`, no regex flags) when
 * its input box is empty and idle: a rule, `❯` with nothing typed, a rule — and nothing says
 * "esc to interrupt" (its footer while a turn runs). Permission and first-run dialogs replace
 * the input box with `❯ 1. Yes`-style choices, so they never match.
 */
export const CLAUDE_READY_PATTERN = '^(?![\\s\\S]*esc to interrupt)[\\s\\S]*─\\n❯[ \\u00a0]*\\n─';

/** How many trailing characters of the key Claude Code stores as "approved" (its own rule). */
export const APPROVED_KEY_SUFFIX_LENGTH = 20;

/** What the throwaway HOME must know: the key Claude Code will see and the directory it runs in. */
export type ClaudeHomeOptions = { readonly apiKey: string; readonly cwd: string };

/** A prepared HOME: where it is and the .claude.json written in it. */
export type ClaudeHome = { readonly home: string; readonly configPath: string };

/** The part of the key Claude Code keeps in `customApiKeyResponses.approved`. */
export function approvedKeySuffix(apiKey: string): string {
  return apiKey.slice(-APPROVED_KEY_SUFFIX_LENGTH);
}

/** The .claude.json that starts Claude Code straight at its prompt in each of `cwds`. */
export function claudeConfig(apiKey: string, cwds: readonly string[]): object {
  const projects: Record<string, { hasTrustDialogAccepted: true }> = {};
  for (const cwd of cwds) projects[cwd] = { hasTrustDialogAccepted: true };
  return {
    hasCompletedOnboarding: true,
    customApiKeyResponses: { approved: [approvedKeySuffix(apiKey)], rejected: [] },
    projects,
  };
}

/**
 * Creates `dir` (if missing) and writes `dir/.claude.json` so Claude Code run with HOME=`dir`
 * shows no theme picker, API key question or trust dialog. `cwd` must exist; it is trusted both
 * as given and resolved (symlinks), since Claude Code looks the project up by its real path.
 */
export function prepareClaudeHome(dir: string, options: ClaudeHomeOptions): Result<ClaudeHome> {
  if (options.apiKey === '') return err('prepareClaudeHome: the API key is empty');
  const home = path.resolve(dir);
  const given = path.resolve(options.cwd);
  let real: string;
  try {
    real = realpathSync(given);
  } catch (thrown) {
    return err(`prepareClaudeHome: cwd ${given}: ${messageOf(thrown)}`);
  }
  const cwds = real === given ? [given] : [given, real];
  const configPath = path.join(home, '.claude.json');
  try {
    mkdirSync(home, { recursive: true });
    writeFileSync(configPath, `${JSON.stringify(claudeConfig(options.apiKey, cwds), null, 2)}\n`, {
      mode: 0o600,
    });
  } catch (thrown) {
    return err(`prepareClaudeHome: ${configPath}: ${messageOf(thrown)}`);
  }
  return ok({ home, configPath });
}

/** Where Claude Code should send its requests, and with which key and model. */
export type ClaudeEnvOptions = {
  readonly home: string;
  readonly baseURL: string;
  readonly apiKey: string;
  /** Pin a model the endpoint serves; without it Claude Code picks its default. */
  readonly model?: string;
};

/**
 * The environment for a Claude Code child: the prepared HOME, the endpoint, and the switches
 * that (as observed) stop all traffic other than POST /v1/messages — no telemetry, update
 * checks, release-notes or marketplace downloads.
 */
export function claudeEnv(options: ClaudeEnvOptions): Record<string, string> {
  return {
    HOME: options.home,
    ANTHROPIC_BASE_URL: options.baseURL,
    ANTHROPIC_API_KEY: options.apiKey,
    ...(options.model === undefined ? {} : { ANTHROPIC_MODEL: options.model }),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
  };
}
