// One agentmux for the bench: a layout of N agents in a scratch dir, a session store, and the
// cockpit started in a pty against the model-server process (the real SDK path).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentmuxEntry } from './agentmux-entry.js';
import { startPtyCockpit, type PtyCockpit } from './pty-cockpit.js';

export const COLS = 200;
export const ROWS = 60;
/** The status bar's summary row (mode, focused agent, agents per state). */
export const SUMMARY_ROW = -2;

/** `p01`, `p02`…: fixed-width names, so `▶ p1` never matches `▶ p10`. */
export function agentNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `p${String(index + 1).padStart(2, '0')}`);
}

/** Writes a layout of `count` agents (tiled, no prompts) into `dir`; returns its path. */
export function writeLayout(dir: string, count: number): string {
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const path = join(dir, 'layout.json');
  const agents = agentNames(count).map((name) => ({ name, cwd: workspace }));
  writeFileSync(path, JSON.stringify({ name: `bench-${count}`, agents, tiling: 'tiled' }, null, 2));
  return path;
}

/** This process's environment without anything that would steer agentmux, plus `extra`. */
export function cockpitEnv(extra: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('ANTHROPIC_') || key.startsWith('VITEST') || key === 'NODE_ENV') continue;
    if (key === 'VISUAL' || key === 'EDITOR' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...extra };
}

export type LaunchOptions = {
  readonly entry: AgentmuxEntry;
  readonly dir: string;
  readonly layoutPath: string;
  readonly sessions: string;
  readonly modelUrl: string;
  /** A folder for a V8 CPU profile of agentmux (written when it quits). */
  readonly cpuProfDir?: string | undefined;
};

/** Starts agentmux on the layout and store, pointed at the model server. */
export function launchCockpit(options: LaunchOptions): PtyCockpit {
  return startPtyCockpit({
    script: options.entry.script,
    args: ['--layout', options.layoutPath, '--sessions', options.sessions],
    env: cockpitEnv({ ANTHROPIC_BASE_URL: options.modelUrl, ANTHROPIC_API_KEY: 'bench-key' }),
    cwd: options.dir,
    cols: COLS,
    rows: ROWS,
    nodeArgs: options.cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`],
  });
}

/** The first frame: the status bar in normal mode and the first pane's title are on screen. */
export function firstFrameShown(cockpit: PtyCockpit): boolean {
  return cockpit.line(SUMMARY_ROW).includes('NORMAL') && cockpit.screen().includes('1 p01');
}

/** Quits with `q` (agents idle) and waits; kills it if it does not exit within 10 s. */
export async function quitCockpit(cockpit: PtyCockpit): Promise<void> {
  cockpit.write('q');
  const code = await cockpit.exited(10_000);
  if (code === undefined) {
    cockpit.write('y');
    await cockpit.exited(5000);
  }
  cockpit.kill();
}
