// Cold start to first frame: a store of 500 sessions, a layout of 32 agents reattaching 32 of
// them; time from spawning agentmux to the output chunk that completes its first frame.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { agentNames, firstFrameShown, launchCockpit, quitCockpit, writeLayout } from './cockpit-world.js';
import { cpuMs } from './proc-stats.js';
import type { ScenarioContext } from './streaming-scenario.js';
import { writeStore } from './store-fixtures.js';

export type ColdStartFigures = {
  readonly sessions: number;
  readonly panes: number;
  readonly linesPerPane: number;
  readonly startsMs: readonly number[];
  /** CPU time agentmux had used when its first frame was seen (load-independent, unlike wall time). */
  readonly cpuToFirstFrameMs: readonly number[];
  /**
   * agentmux's own clock at its first frame (its log line, app/first-frame-timing.ts): wall ms
   * since its process began and its CPU ms then, without the pty spawn or the bench's polling.
   */
  readonly inProcess?: { readonly wallMs: readonly number[]; readonly cpuMs: readonly number[] };
};

type Logged = { readonly wallMs: number; readonly cpuMs: number };

/** Every `first frame at W ms, C ms CPU` the store's log holds, oldest first (each start logs one). */
function loggedFirstFrames(store: string): Logged[] {
  let text: string;
  try {
    text = readFileSync(join(store, 'agentmux.log'), 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/first frame at ([\d.]+) ms, ([\d.]+) ms CPU/g)].map((match) => ({ wallMs: Number(match[1]), cpuMs: Number(match[2]) }));
}

/** Starts agentmux `runs` times on the same store (page cache warm after the first run). */
export async function runColdStart(context: ScenarioContext, runs: number): Promise<ColdStartFigures> {
  const sessions = 500;
  const panes = 32;
  const linesPerPane = 200;
  const dir = join(context.scratch, 'cold-start');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = join(dir, 'sessions');
  const paneSessions = agentNames(panes).map((name) => ({ name, lines: linesPerPane }));
  const others = Array.from({ length: sessions - panes }, (_, index) => ({ name: `old${index + 1}`, lines: 20 }));
  await writeStore(store, [...others, ...paneSessions]);
  const layoutPath = writeLayout(dir, panes);
  const startsMs: number[] = [];
  const cpuToFirstFrameMs: number[] = [];
  const inProcessWallMs: number[] = [];
  const inProcessCpuMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const cockpit = launchCockpit({ entry: context.entry, dir, layoutPath, sessions: store, modelUrl: context.model.url, cpuProfDir: context.cpuProfDir });
      try {
        const shown = await cockpit.waitUntil(firstFrameShown, 'the first frame', 60_000);
        startsMs.push(shown.at - cockpit.spawnedAt);
        cpuToFirstFrameMs.push(cpuMs(cockpit.pid));
        await quitCockpit(cockpit);
        // This run's line only: a start that logged none must not repeat the one before.
        const logged = loggedFirstFrames(store);
        const line = logged.length === run + 1 ? logged[run] : undefined;
        if (line !== undefined) {
          inProcessWallMs.push(line.wallMs);
          inProcessCpuMs.push(line.cpuMs);
        }
      } finally {
        cockpit.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { sessions, panes, linesPerPane, startsMs, cpuToFirstFrameMs, inProcess: { wallMs: inProcessWallMs, cpuMs: inProcessCpuMs } };
}
